"""Reading a worker's description and answers (actions/signalering/casus.py): plain
Python, no model. Fictional people only."""
import re

import pytest

import tijdmeting
from actions.signalering import casus, schaal
from actions.signalering.beoordeling import WEET_NIET, beoordeel

VOORBEELD = "mevrouw is 81, haar man is vorig jaar overleden, ze komt niet meer buiten, de post stapelt zich op"


def test_the_issue_example_fills_age_event_duration_and_signals():
    assert casus.lees(VOORBEELD) == {
        "sig_leeftijdsgroep": "oudere",
        "sig_levensgebeurtenissen": ["overlijden_partner"],
        "sig_duur": "maanden",
        "sig_signalen": ["brievenbus_vol", "komt_niet_buiten"],
    }


@pytest.mark.parametrize("tekst, verwacht", [
    ("Meneer (58) is na 30 jaar ontslagen, heeft schulden en drinkt te veel. Hij doet de deur niet open.",
     {"sig_leeftijdsgroep": "volwassene", "sig_levensgebeurtenissen": ["baanverlies"],
      "sig_problemen": ["schulden", "verslaving"], "sig_houding_hulp": "weigert",
      "sig_signalen": ["alcoholgebruik", "houdt_afstand"]}),
    ("student van 19, net verhuisd naar Groningen, kent niemand en voelt zich eenzaam",
     {"sig_leeftijdsgroep": "jongere", "sig_levensgebeurtenissen": ["verhuizing"], "sig_duur": "kort",
      "sig_contacten": "geen", "sig_zegt_eenzaam": "ja", "sig_signalen": ["weinig_contact", "zegt_eenzaam"]}),
    ("hij heeft alleen nog contact met de thuiszorg en is al jaren psychisch kwetsbaar",
     {"sig_contacten": "alleen_functioneel", "sig_duur": "jaren", "sig_problemen": ["psychische_problemen"],
      "sig_signalen": ["alleen_functionele_contacten"]}),
    ("mevrouw zegt dat ze niet eenzaam is, haar zoon komt elke week langs",
     {"sig_zegt_eenzaam": "nee", "sig_contacten": "regelmatig"}),
])
def test_descriptions_are_read_into_canonical_values(tekst, verwacht):
    assert casus.lees(tekst) == verwacht


# Wording as workers and case notes have it, each read into one slot value.
@pytest.mark.parametrize("tekst, slot, waarde", [
    ("Ze kent hier nog niemand. Haar zoon komt wekelijks langs.", "sig_contacten", "weinig"),
    ("Hij ziet zijn kinderen om het weekend. Verder ziet hij niemand.", "sig_contacten", "weinig"),
    ("Zijn enige contact is zijn moeder, die eens per maand belt.", "sig_contacten", "weinig"),
    ("Ze heeft nog één oude vriendin.", "sig_contacten", "weinig"),
    ("Hier heeft ze geen contacten, alleen videobellen met familie.", "sig_contacten", "weinig"),
    ("Mevrouw heeft verder niemand.", "sig_contacten", "weinig"),
    ("Haar buurvrouw kijkt nog om het hoekje.", "sig_contacten", "weinig"),
    ("Hij heeft een vriend van vroeger.", "sig_contacten", "weinig"),
    ("Ze kent niemand, alleen de thuiszorg komt.", "sig_contacten", "alleen_functioneel"),
    ("Hij ziet niemand.", "sig_contacten", "geen"),
    ("Zijn zus komt elke zondag.", "sig_contacten", "regelmatig"),
    ("Ze heeft een dochter die elke week komt.", "sig_contacten", "regelmatig"),
    ("Hulp van het wijkteam houdt ze af.", "sig_houding_hulp", "weigert"),
    ("Het wijkteam komt soms, maar ze doet vaak niet open.", "sig_houding_hulp", "weigert"),
    ("Hij wil met rust gelaten worden.", "sig_houding_hulp", "weigert"),
    ("Ze wil geen behandeling meer.", "sig_houding_hulp", "weigert"),
    ("Hij wil niet praten met de leerplichtambtenaar.", "sig_houding_hulp", "weigert"),
    ("Hij wil wel kijken naar vrijwilligerswerk.", "sig_houding_hulp", "open"),
    ("Cl. 37, bipolair, al jaren.", "sig_leeftijdsgroep", "volwassene"),
    ("Man, ongeveer 40, net uit de gevangenis.", "sig_leeftijdsgroep", "volwassene"),
    ("Mevrouw, begin 60, in de ziektewet.", "sig_leeftijdsgroep", "volwassene"),
    ("Vader van drie, 36, verloor zijn baan.", "sig_leeftijdsgroep", "volwassene"),
    ("Mw. 42, moeder van een baby van 3 maanden.", "sig_leeftijdsgroep", "volwassene"),
    ("Cl. 49 heeft een zware dwangstoornis, al 15 jr.", "sig_leeftijdsgroep", "volwassene"),
    ("Mijn vader wil nergens meer heen.", "sig_signalen", ["niet_meer_bij_activiteiten"]),
    ("Hij is weduwnaar sinds 2011 en komt weinig buiten.", "sig_duur", "jaren"),
    ("Ze is somber sinds haar verhuizing (3 jr).", "sig_duur", "jaren"),
    ("Ze zit al anderhalf jaar vooral binnen.", "sig_duur", "jaren"),
    ("Mevrouw woont vier jaar in Nederland en spreekt de taal nog niet.", "sig_duur", "jaren"),
    ("De wijkverpleging is zijn enige aanspraak.", "sig_contacten", "alleen_functioneel"),
    ("Alleen de slijter ziet hem nog.", "sig_contacten", "alleen_functioneel"),
    ("Behalve de maatschappelijk werker ziet ze niemand.", "sig_contacten", "alleen_functioneel"),
    ("Ze heeft een gezin en werkt ze parttime in een winkel.", "sig_contacten", "regelmatig"),
    ("Hij heeft een nieuwe vriendenkring.", "sig_contacten", "regelmatig"),
    ("Elke woensdag helpt ze nog bij de kringloopwinkel.", "sig_deelname", "vrijwilligerswerk"),
    ("Het meisje zit op turnen.", "sig_deelname", "georganiseerde_activiteit"),
    ("Hij volleybalt op vrijdag.", "sig_deelname", "georganiseerde_activiteit"),
    ("Al jaren een stevige drinker.", "sig_problemen", ["verslaving"]),
    ("Hij is erg achterdochtig naar de buren.", "sig_problemen", ["psychische_problemen"]),
    # a general set's kinds, in other words: taking part and work in everyday words
    ("Elke vrijdagmiddag kaart hij nog in buurthuis De Linde.", "sig_deelname", "georganiseerde_activiteit"),
    ("Ze komt elke maandag naar onze vrouwengroep.", "sig_deelname", "georganiseerde_activiteit"),
    ("Drie ochtenden per week gaat hij naar taalles.", "sig_deelname", "georganiseerde_activiteit"),
    ("Ze zit in een zwemploeg.", "sig_deelname", "georganiseerde_activiteit"),
    ("Hij werkt nog gewoon parttime als kapper.", "sig_deelname", "betaald_werk"),
    ("Ze werkt bij het sociaal werkbedrijf.", "sig_deelname", "betaald_werk_met_ondersteuning"),
    ("Naar de biljartclub gaat hij niet meer.", "sig_deelname", "geen"),
    ("Verder doet ze niks meer.", "sig_deelname", "geen"),
    ("Dhr. (58) is werkloos sinds mei. Vrouw werkt fulltime.", "sig_deelname", "geen"),  # his wife's work
    # a contacts set's kinds, in other words: ggz problems and drink in everyday words
    ("Hij is al lang bekend met psychoses.", "sig_problemen", ["psychische_problemen"]),
    ("Haar achterdocht is de laatste jaren erger geworden.", "sig_problemen", ["psychische_problemen"]),
    ("Ze denkt dat de thuiszorg haar sieraden besteelt.", "sig_problemen", ["psychische_problemen"]),
    ("Hij drinkt al jarenlang.", "sig_problemen", ["verslaving"]),
    ("Vannacht is hij door de politie naar de crisisdienst gebracht.", "sig_problemen", ["psychische_crisis"]),
    ("Ze hoort sinds een paar dagen stemmen.", "sig_problemen", ["psychische_crisis", "psychische_problemen"]),
    ("Ze helpt twee middagen per week bij de kledingbank.", "sig_deelname", "vrijwilligerswerk"),
    ("Hij fietst elke ochtend naar de soos.", "sig_deelname", "georganiseerde_activiteit"),
    ("Ze doet elke week mee aan de wandelgroep.", "sig_deelname", "georganiseerde_activiteit"),
    ("Inmiddels werkt ze weer 20 uur per week.", "sig_deelname", "betaald_werk"),
    ("Hij spreekt regelmatig af met oud-collega's.", "sig_contacten", "regelmatig"),
    ("Ze heeft een hechte groep vriendinnen.", "sig_contacten", "regelmatig"),
    # description sets 13 and 14 and a context set: a few contacts in everyday words
    ("Sinds de ruzie spreekt hij zijn broers bijna niet meer.", "sig_contacten", "weinig"),
    ("Ze appt alleen nog met haar zus.", "sig_contacten", "weinig"),
    ("Meneer leeft erg op zichzelf.", "sig_contacten", "weinig"),
    ("Zijn zoon komt twee keer per jaar uit Spanje.", "sig_contacten", "weinig"),
    ("Ze reageert nauwelijks op berichten van haar vriendinnen.", "sig_contacten", "weinig"),
    ("Hij laat zijn vrienden al maanden schieten.", "sig_contacten", "weinig"),
    ("Hij ziet zijn kinderen om de week.", "sig_contacten", "weinig"),  # seen in a transcript
    # a contacts set's kinds, in other words
    ("Haar kinderen komen eens in de drie weken.", "sig_contacten", "weinig"),
    ("Zijn broer belt alleen als hij iets nodig heeft.", "sig_contacten", "weinig"),
    ("Haar nicht belt met haar verjaardag en met kerst.", "sig_contacten", "weinig"),
    ("Ze heeft alleen nog haar neef, die soms langskomt.", "sig_contacten", "weinig"),
    ("Hij heeft de kinderen om het weekend en ziet verder eigenlijk niemand.", "sig_contacten", "weinig"),
    ("Zijn dochter belt iedere zondagmiddag.", "sig_contacten", "regelmatig"),
    ("Met haar zus wandelt ze elke ochtend.", "sig_contacten", "regelmatig"),
    ("Het enige bezoek is de wijkverpleging.", "sig_contacten", "alleen_functioneel"),
    ("Behalve met mij en de bewindvoerder heeft hij met niemand contact.", "sig_contacten", "alleen_functioneel"),
    # Twenty-first session: where two people agreed with the held-out writer on every attitude to
    # help and nearly every problem and life event, and the reader did not, it lacked everyday words
    ("Een lotgenotengroep wil hij niet.", "sig_houding_hulp", "weigert"),
    ("Hulp vindt ze eigenlijk niet nodig.", "sig_houding_hulp", "weigert"),
    ("Hulp van de gemeente hoeft niet, zegt hij.", "sig_houding_hulp", "weigert"),
    ("Hij wil geen bezoekvrijwilliger over de vloer.", "sig_houding_hulp", "weigert"),
    ("De dagbesteding die ik voorstelde, wees ze af.", "sig_houding_hulp", "weigert"),
    ("Hij wil niet dat ik de wijkverpleging inschakel.", "sig_houding_hulp", "weigert"),
    ("De huisarts wil hij niet binnenlaten.", "sig_houding_hulp", "weigert"),
    ("Voor een wandelmaatje staat hij open.", "sig_houding_hulp", "open"),
    ("Hij wil wel dat er iemand van de kerk langskomt.", "sig_houding_hulp", "open"),
    ("Ze zou het fijn vinden als iemand met haar gaat wandelen.", "sig_houding_hulp", "open"),
    ("Een wekelijks bezoekje vindt hij prima.", "sig_houding_hulp", "open"),
    ("Een ritje met de buurtbus ziet ze wel zitten.", "sig_houding_hulp", "open"),
    ("Hij zou graag weer met de fietsclub mee willen.", "sig_houding_hulp", "open"),
    ("Ze hoort steeds slechter en durft daarom niet meer te bellen.", "sig_problemen", ["gezondheid"]),
    ("Sinds een auto-ongeluk vorig jaar zit hij veel thuis.", "sig_problemen", ["gezondheid"]),
    ("In de winter heeft ze haar pols gebroken, fietsen lukt niet.", "sig_problemen", ["gezondheid"]),
    ("Sinds hij van de trap is gevallen loopt hij moeizaam.", "sig_problemen", ["gezondheid"]),
    ("Hij zit de hele dag met pijn op de bank.", "sig_problemen", ["gezondheid"]),
    ("Haar knie speelt weer op.", "sig_problemen", ["gezondheid"]),
    ("Ze kreeg in het voorjaar de diagnose reuma.", "sig_levensgebeurtenissen", ["ziekte"]),
    ("Hij zit al maanden in de ziektewet.", "sig_levensgebeurtenissen", ["ziekte"]),
    ("Hij woont sinds januari met zijn hond in Lelystad.", "sig_levensgebeurtenissen", ["verhuizing"]),
    ("Sinds de scheiding woont ze in een kleine huurwoning.", "sig_levensgebeurtenissen", ["scheiding", "verhuizing"]),
    ("Door een lekkage woont hij tijdelijk bij een neef.", "sig_levensgebeurtenissen", ["verhuizing"]),
    ("Ze voelt zich nog vreemd in haar nieuwe buurt.", "sig_levensgebeurtenissen", ["verhuizing"]),
    ("Hij mist zijn vrouw, die vorig najaar overleed.", "sig_levensgebeurtenissen", ["overlijden_partner"]),
    ("Haar kaartvriendinnen zijn een voor een overleden.", "sig_levensgebeurtenissen", ["overlijden_naaste"]),
    ("Zijn vriendin is vorige maand bij hem weggegaan.", "sig_levensgebeurtenissen", ["scheiding"]),
    ("Sinds haar relatie is geëindigd, zit ze veel alleen.", "sig_levensgebeurtenissen", ["scheiding"]),
    ("Mw. 66 jr, gepens. sinds okt.", "sig_levensgebeurtenissen", ["pensioen"]),
    ("Als ik aanbel doet ie niet open.", "sig_houding_hulp", "weigert"),
    ("Hij riep dat ik moest oprotten.", "sig_houding_hulp", "weigert"),
    ("Ze zegt dat de gemeente zich er niet mee moet bemoeien.", "sig_houding_hulp", "weigert"),
    ("Met het wijkteam wil hij niks te maken hebben.", "sig_houding_hulp", "weigert"),
    ("'Ik heb niks nodig', zegt ze.", "sig_houding_hulp", "weigert"),
    ("Aan bezoek heeft ze geen behoefte.", "sig_houding_hulp", "weigert"),
    ("Of ze mee wil naar de inloop? Misschien.", "sig_houding_hulp", "twijfelt"),
    ("Van gesprekken verwacht hij niet veel.", "sig_houding_hulp", "twijfelt"),
    ("Ze vond het fijn dat ik even bleef.", "sig_houding_hulp", "open"),
    ("Naar de zangmiddag wil hij graag.", "sig_houding_hulp", "open"),
    ("Hij vroeg waar hij met zijn verhaal terecht kan.", "sig_houding_hulp", "open"),
    # twenty-second session, kinds found fresh on sets 40 to 42
    ("Hij houdt de thuiszorg al maanden buiten de deur.", "sig_houding_hulp", "weigert"),
    ("Ze doet weer niet open.", "sig_houding_hulp", "weigert"),
    ("Hij wil na die nare ervaring geen therapie meer.", "sig_houding_hulp", "weigert"),
    ("Van de buurtcoach wil ze niets weten.", "sig_houding_hulp", "weigert"),
    ("Het FACT-team laat hij niet binnen.", "sig_houding_hulp", "weigert"),
    ("Elke afspraak wimpelt ze af.", "sig_houding_hulp", "weigert"),
    ("Ze wil niet meer naar de psycholoog.", "sig_houding_hulp", "weigert"),
    ("Ze overweegt met een maatje te gaan fietsen.", "sig_houding_hulp", "twijfelt"),
    ("Over een buddy wil ze eerst nadenken.", "sig_houding_hulp", "twijfelt"),
    ("Hulp wil hij wel, maar hij schaamt zich.", "sig_houding_hulp", "twijfelt"),
    ("Voor de inloop is hij er nog niet aan toe.", "sig_houding_hulp", "twijfelt"),
    ("Hij wil wel 'iets doen' met zijn handen.", "sig_houding_hulp", "open"),
    ("Ze wil dolgraag weer dansen.", "sig_houding_hulp", "open"),
    ("Hij wil er graag eens met iemand over praten.", "sig_houding_hulp", "open"),
    ("Ze zou graag vrijwilligerswerk doen bij de dierenopvang.", "sig_houding_hulp", "open"),
    ("Naar de buurtlunch wil hij wel mee.", "sig_houding_hulp", "open"),
    ("Ze heeft nog het koor op woensdag.", "sig_deelname", "georganiseerde_activiteit"),
    ("Hij golft twee keer per week met een vast groepje.", "sig_deelname", "georganiseerde_activiteit"),
    ("De koffieochtend bezoekt ze nog wel.", "sig_deelname", "georganiseerde_activiteit"),
    ("Hij werkt drie dagen in de bakkerij.", "sig_deelname", "betaald_werk"),
    ("Ze rijdt nog parttime op de taxi.", "sig_deelname", "betaald_werk"),
    ("Sinds de operatie heeft ze niet meer gewerkt.", "sig_deelname", "geen"),
    ("Ze zegt: 'ik ben hier zo alleen'.", "sig_zegt_eenzaam", "ja"),
    ("Hij noemt zichzelf eenzaam.", "sig_zegt_eenzaam", "ja"),
    ("Ze voelt zich in die grote groep vaak eenzaam.", "sig_zegt_eenzaam", "ja"),
])
def test_wording_in_other_words_is_read(tekst, slot, waarde):
    assert casus.lees(tekst)[slot] == waarde


@pytest.mark.parametrize("tekst, slot, waarde", [
    ("Familie heeft hij niet, zegt hij.", "sig_contacten", "geen"),
    ("Ze heeft geen familie meer. De thuiszorg komt twee keer per dag.", "sig_contacten", "alleen_functioneel"),
    ("Buiten zijn werk spreekt hij bijna niemand.", "sig_contacten", "alleen_functioneel"),
    ("Zijn vriendengroep is de laatste jaren verdwenen.", "sig_contacten", "weinig"),
    ("Zijn vrienden vermijdt hij niet, maar langskomen doen ze weinig.", "sig_contacten", "weinig"),
    ("Ze zingt in een koor en doet vrijwilligerswerk in de bibliotheek.", "sig_contacten", "regelmatig"),
    ("Hij doet vrijwilligerswerk bij de voedselbank, maar heeft geen vrienden.", "sig_contacten", "weinig"),
    ("Hij praat eigenlijk alleen met de vrouw van de snackbar.", "sig_contacten", "alleen_functioneel"),
    ("Ze heeft alleen nog contact met haar woonbegeleider.", "sig_contacten", "alleen_functioneel"),
    ("Hij verloor zijn baan in het voorjaar.", "sig_levensgebeurtenissen", ["baanverlies"]),
    ("Zijn vrouw is met een ander vertrokken.", "sig_levensgebeurtenissen", ["scheiding"]),
    ("Sinds haar pensionering zit ze veel thuis.", "sig_levensgebeurtenissen", ["pensioen"]),
    ("Haar vriendinnen zijn allemaal overleden.", "sig_levensgebeurtenissen", ["overlijden_naaste"]),
    ("Hij gebruikt al jaren heroïne.", "sig_problemen", ["verslaving"]),
    ("Ze heeft sinds haar twintigste een eetstoornis.", "sig_problemen", ["psychische_problemen"]),
    ("Ze komt de deur bijna niet uit.", "sig_signalen", ["komt_niet_buiten"]),
    ("Hij ging altijd naar de biljartclub, maar nu al maanden niet meer.", "sig_signalen",
     ["niet_meer_bij_activiteiten"]),
    # the fifth description development set's kinds of contact
    ("Hij laat niemand binnen behalve mij en de bewindvoerder.", "sig_contacten", "alleen_functioneel"),
    ("Ze krijgt geen bezoek meer behalve de thuiszorg.", "sig_contacten", "alleen_functioneel"),
    ("Hij heeft niemand meer, alleen de man van de snackbar.", "sig_contacten", "alleen_functioneel"),
    ("Ze gaat alleen de deur uit voor de supermarkt en de huisarts.", "sig_contacten", "alleen_functioneel"),
    ("De klantmanager is zo ongeveer de enige die hij nog spreekt.", "sig_contacten", "alleen_functioneel"),
    ("Hij laat al jaren niemand binnen.", "sig_contacten", "geen"),
    ("Ze woont alleen, zonder contact met haar familie.", "sig_contacten", "geen"),
    ("Zijn kinderen wonen ver weg en komen zelden.", "sig_contacten", "weinig"),
    ("Haar broer in Australië mailt soms.", "sig_contacten", "weinig"),
    ("Zijn vrienden zijn allemaal uit beeld.", "sig_contacten", "weinig"),
    ("Alleen haar zus komt nog geregeld langs.", "sig_contacten", "weinig"),
    ("Ze ziet haar vriendinnen regelmatig.", "sig_contacten", "regelmatig"),
    ("Ze sport twee keer per week met vriendinnen.", "sig_contacten", "regelmatig"),
    ("Nu werkt hij weer en woont hij samen met een vriend.", "sig_contacten", "regelmatig"),
    ("Hij biljart nog elke dinsdag in het buurthuis.", "sig_deelname", "georganiseerde_activiteit"),
    ("Ze gaat elke woensdag naar de seniorenmiddag.", "sig_deelname", "georganiseerde_activiteit"),
    # attitude to help in other words
    ("Hij heeft schizofrenie maar wil niks meer met de ggz te maken hebben.", "sig_houding_hulp", "weigert"),
    ("Ze eet en slaapt bijna niet en wil absoluut niet opgenomen worden.", "sig_houding_hulp", "weigert"),
    ("Hij zegt dat hij niemand nodig heeft.", "sig_houding_hulp", "weigert"),
    ("Ze wil niet dat ik haar psychiater bel.", "sig_houding_hulp", "weigert"),
    ("Zelf gaat hij nergens heen en wil verder geen hulp.", "sig_houding_hulp", "weigert"),
    ("Ze wil eigenlijk wel hulp maar durft niet goed.", "sig_houding_hulp", "twijfelt"),
    ("Of hij iemand over de vloer wil, weet hij nog niet.", "sig_houding_hulp", "twijfelt"),
    ("Ze zegt dat ze hulp wel ziet zitten.", "sig_houding_hulp", "open"),
    # the ninth description development set's kinds of taking part, in other words
    ("Hij doet elke dinsdag vrijwilligerswerk in de bibliotheek.", "sig_deelname", "vrijwilligerswerk"),
    ("Ze traint twee keer per week bij de atletiekclub.", "sig_deelname", "georganiseerde_activiteit"),
    ("Op zaterdag gaat hij naar muziekles.", "sig_deelname", "georganiseerde_activiteit"),
    ("Ze zit elke vrijdag bij de breimiddag.", "sig_deelname", "georganiseerde_activiteit"),
    ("Behalve de mannengroep van de kerk ziet hij weinig mensen.", "sig_deelname", "georganiseerde_activiteit"),
    # the eighth description development set's kinds of contact, in other words
    ("Buiten het werk spreekt ze vrijwel niemand.", "sig_contacten", "weinig"),
    ("Vriendinnen heeft ze alleen online.", "sig_contacten", "weinig"),
    ("Hij ziet veel oud-collega's en zijn familie.", "sig_contacten", "regelmatig"),
    ("Ze krijgt bijna elke dag bezoek van haar kleinkinderen.", "sig_contacten", "regelmatig"),
    # the eighth description development set's kinds of openness, in other words
    ("Een vrijwilliger van de kerk ziet ze wel zitten.", "sig_houding_hulp", "open"),
    ("Ze staat zeker open voor een praatje.", "sig_houding_hulp", "open"),
    ("Hij wil wel eens met iemand van het wijkteam praten.", "sig_houding_hulp", "open"),
    ("Als er een maatje langskomt, vindt ze dat prima.", "sig_houding_hulp", "open"),
    ("Ze vraagt zelf of er iemand is die langs kan komen.", "sig_houding_hulp", "open"),
    # signals in other words
    ("De visclub heeft hij opgezegd.", "sig_signalen", ["niet_meer_bij_activiteiten"]),
    ("Daan is sinds de kerstvakantie gestopt met voetbal.", "sig_signalen", ["niet_meer_bij_activiteiten"]),
    ("Vroeger gingen ze dansen, dat is er helemaal bij ingeschoten.", "sig_signalen", ["niet_meer_bij_activiteiten"]),
    ("Ze is niet meer bij de bridgeclub geweest.", "sig_signalen", ["niet_meer_bij_activiteiten"]),
    ("Hij heeft geen contact meer met zijn broers en laat niemand binnen.", "sig_signalen", ["houdt_afstand"]),
    ("Ze trekt zich steeds meer terug.", "sig_signalen", ["houdt_afstand"]),
    ("Ze reageert niet meer op appjes van vriendinnen.", "sig_signalen", ["houdt_afstand"]),
    ("Hij vertrouwt niemand.", "sig_signalen", ["houdt_afstand"]),
    ("Ze huilde in het gesprek.", "sig_signalen", ["verdriet"]),
    # life events and problems in other words
    ("Mw 79, wedn. sinds 6 jr, woont alleen.", "sig_levensgebeurtenissen", ["overlijden_partner"]),
    ("Haar dochter kwam vorig jaar om bij een ongeluk.", "sig_levensgebeurtenissen", ["overlijden_naaste"]),
    ("Kinderen heeft ze niet, haar broers en zussen zijn overleden.", "sig_levensgebeurtenissen",
     ["overlijden_naaste"]),
    ("Dhr. 52 is ontslagen en zijn vrouw is vorig jaar vertrokken.", "sig_levensgebeurtenissen", ["scheiding"]),
    ("Ze is in juni met de kinderen in een huurwoning in Lelystad beland.", "sig_levensgebeurtenissen",
     ["verhuizing"]),
    ("Hij is in januari zijn baan bij het distributiecentrum kwijtgeraakt.", "sig_levensgebeurtenissen",
     ["baanverlies"]),
    ("Hij kwam in 1973 als gastarbeider uit Marokko.", "sig_levensgebeurtenissen", ["migratie"]),
    ("Hij heeft geen familie, geen vrienden en grote schulden.", "sig_problemen", ["schulden"]),
    ("De brievenbus puilt uit met aanmaningen.", "sig_problemen", ["schulden"]),
    ("Al twintig jaar bekend met zware depressies.", "sig_problemen", ["psychische_problemen"]),
    ("Het huis staat tot aan het plafond vol met spullen.", "sig_problemen", ["verwaarlozing"]),
    ("Hij loopt moeizaam maar wil niet naar de dokter.", "sig_problemen", ["gezondheid"]),
    # the first age is the person's, not the relative's after it
    ("Mevrouw Schouten (68) zorgt voor haar dochter van 40.", "sig_leeftijdsgroep", "oudere"),
])
def test_gewone_woorden_voor_contact_gebeurtenissen_en_signalen(tekst, slot, waarde):
    gelezen = casus.lees(tekst)[slot]
    if isinstance(waarde, list):
        assert set(waarde) <= set(gelezen)
    else:
        assert gelezen == waarde


@pytest.mark.parametrize("tekst, slot, waarde", [
    ("Hij is al jaren werkloos.", "sig_levensgebeurtenissen", "baanverlies"),
    ("Ze drinkt nooit jenever.", "sig_problemen", "verslaving"),
    ("Haar zoon gebruikt heroïne.", "sig_problemen", "verslaving"),
    ("Haar vriendengroep is groot en hecht.", "sig_contacten", "weinig"),
    ("Mw. 72 zorgt voor haar man, die parkinson heeft.", "sig_problemen", "gezondheid"),
    ("Ze praat over haar dochter van 30, die cocaïne gebruikt.", "sig_problemen", "verslaving"),
    ("Mijn opa (80) is eenzaam sinds mijn oma met dementie is opgenomen.", "sig_problemen", "gezondheid"),
    ("Hij werkt nog, maar gaat volgend jaar met pensioen.", "sig_levensgebeurtenissen", "pensioen"),
    ("Hij had een depressie, die inmiddels over is.", "sig_problemen", "psychische_problemen"),
    # twenty-first session: the same signal words about the past, someone else, or denied
    ("Vroeger dronk hij elke avond een paar borrels.", "sig_signalen", "alcoholgebruik"),
    ("Zijn broer drinkt zwaar.", "sig_signalen", "alcoholgebruik"),
    ("Eenzaam voelt ze zich nooit.", "sig_signalen", "zegt_eenzaam"),
    ("Ze slaapt niet slecht, zegt ze.", "sig_signalen", "slecht_slapen"),
    # twenty-third session: a problem that is over, and a fear that is no disorder
    ("Als tiener had hij paniekaanvallen, maar daar heeft hij al jaren geen last meer van.", "sig_problemen",
     "psychische_problemen"),
    ("Ze is bang voor de hond van de buren.", "sig_problemen", "psychische_problemen"),
    ("Zijn zus heeft smetvrees.", "sig_problemen", "psychische_problemen"),
])
def test_wat_niet_over_de_persoon_of_niet_recent_is_telt_niet(tekst, slot, waarde):
    gelezen = casus.lees(tekst).get(slot) or []
    assert waarde not in (gelezen if isinstance(gelezen, list) else [gelezen])


def test_a_death_wish_is_acute_and_the_signal_that_life_feels_pointless():
    tekst = "Ze zegt dat ze er niet meer wil zijn."
    assert casus.is_acuut(tekst) and "zinloosheid" in casus.lees(tekst)["sig_signalen"]


def test_hoping_not_to_wake_up_is_a_death_wish_in_every_person():
    for tekst in ("Ze zegt: 'ik hoop dat ik morgen niet meer wakker word'.",
                  "Hij hoopt niet meer wakker te worden."):
        assert casus.is_acuut(tekst)


def test_someone_elses_death_wish_still_gives_the_crisis_routes_but_is_not_the_persons_signal():
    tekst = "Zijn moeder wil niet meer leven."
    assert casus.is_acuut(tekst) and "sig_signalen" not in casus.lees(tekst)


def test_no_values_are_guessed_from_numbers_that_are_not_ages():
    gelezen = casus.lees("de man van nummer 12 woont al 30 jaar in dezelfde straat")
    assert "sig_leeftijdsgroep" not in gelezen


@pytest.mark.parametrize("tekst", [
    "ze bewaart haar medicijnen in een doosje op het aanrecht",
    "de verwarming in het buurthuis is kapot, waar houden we de koffieochtend?",
    "hij eet slecht sinds hij alleen woont",
    "meneer viel vorige week, maar hij kon zelf weer opstaan",
    "ze zegt dat ze zich eenzaam voelt",
    "ik ga dood van de hitte op kantoor",
    # Negated, over and done, a course question, a joke or a film (issue 19)
    "Mevrouw Akkerman is niet suïcidaal, wel erg alleen sinds de verhuizing",
    "vroeger had meneer Brink suïcidale gedachten, nu gaat het veel beter met hem",
    "hoe herken ik suïcidale signalen bij jongeren?",
    "is er een cursus zelfmoordpreventie bij ons in de regio?",
    "er zijn geen signalen van mishandeling bij mevrouw Claes",
    "we bespraken in de groep een film waarin een vrouw wordt mishandeld",
    "hij zei lachend dat hij zijn buurman vermoordt als de muziek weer zo hard staat",
    "ik hoef niet meer naar de fysio, zegt ze blij",
    "haar eerste man sloeg haar, maar dat is dertig jaar geleden en ze woont nu veilig",
    # a long past attempt, and no thoughts of death now (twentieth session, set 32)
    "drie jaar geleden deed hij een poging tot zelfdoding; hij zegt nu geen doodsgedachten meer te hebben",
    # Everyday words close to the new kinds
    "hij heeft zich gesneden bij het groente snijden",
    "ze heeft een snee in haar vinger van het aardappels schillen",
    "ze voelt zich opgesloten in haar eigen huis",
    "we sluiten hem aan op de belcirkel van de wijk",
    "ze straft zichzelf een beetje door steeds binnen te blijven",
    "de dochter is bang dat haar iets overkomt als ze valt",
    "de kinderen gillen en klappen bij het poppenspel",
    "hij draait zijn hand er niet voor om",
    "ze gooit brood naar de eendjes in het park",
    "hij wil zijn opleiding afmaken",
    "ze gaan de ballonnen opblazen voor het feest",
    "ze wil met alles stoppen wat te druk is: koor, bridge en de markt",
    "ze wil bij haar dochter gaan wonen sinds haar man is overleden",
    "meneer beweegt niet genoeg, hij zit de hele dag in zijn stoel",
])
def test_ordinary_worries_are_not_read_as_acute_danger(tekst):
    assert not casus.is_acuut(tekst)


def test_a_worker_mentioning_a_club_the_person_skips_is_not_read_as_violence():
    assert not casus.is_acuut("mevrouw slaat de handwerkclub de laatste tijd over")
    assert casus.lees("mevrouw slaat de handwerkclub de laatste tijd over") == {}


@pytest.mark.parametrize("tekst", [
    "hij zegt dat hij er een eind aan wil maken",
    "ze wil niet meer leven",
    "haar zoon slaat haar",
    "meneer lag gisteren op de grond en kon niet opstaan",
    "hij eet al dagen niet",
    "Ze zegt dat ze liever dood wil.",
    "hij is het liefst dood",
    # Kinds that issue 16 names: a fall and lying helpless, neglect, hoarded medicines,
    # violence by family members, indirect death wishes and spelling variants.
    "oma is in de keuken gestruikeld en ligt daar nu al een paar uur",
    "hij ligt in bed en kan niet meer op, hij roept de hele tijd",
    "we krijgen hem niet meer overeind na zijn val",
    "mijn buurman heeft al vier dagen niets gedronken",
    "ze zit al een week zonder verwarming en het vriest 's nachts",
    "de kachel is kapot en buiten is het min 8, ze heeft blauwe lippen",
    "ze spaart al maanden haar pijnstillers op in een la",
    "hij heeft al zijn slaappillen opgespaard",
    "meneer zegt dat hij genoeg pillen heeft om te gaan",
    "haar kleinzoon duwt haar als ze geen geld geeft",
    "zijn dochter heeft hem gisteren geschopt",
    "haar zoon zegt dat hij haar gaat slaan als ze niet betaalt",
    "hij zegt dat hij zichzelf iets aan wil doen",
    "ze heeft het erover om van het balkon te springen",
    "meneer wil zijn leven beëindigen",
    "mevrouw is suicidaal",
    "ik hoor hem achter de deur om hulp roepen",
    # Kinds that issue 19 names, in other words than the development sets
    # Self-harm
    "Noor snijdt zichzelf weer in haar armen",
    "ik zag brandplekken op zijn onderarmen, hij zegt dat hij het zelf doet",
    "Sanne drukt haar sigaret uit op haar eigen arm",
    "hij slaat met zijn hoofd tegen de deur tot het bloedt",
    "ze heeft zich opzettelijk met heet water verbrand",
    # Locked up
    "zijn zoon sluit hem elke avond op in de schuur",
    "de voordeur is van buitenaf op slot gedaan en ze kan er niet uit",
    # Violence seen from outside
    "ik zag wurgsporen in haar hals",
    "hij heeft vingerplekken op zijn bovenarm",
    "ze probeert de blauwe plekken onder lange mouwen te verbergen",
    "haar vriend trok haar aan haar haren de trap af",
    "ik hoor bij de buren geschreeuw en daarna brekend glas",
    "ze krimpt ineen zodra haar schoonzoon binnenkomt",
    "ze kan de wonden op haar benen niet uitleggen",
    # Threats to others
    "hij zegt dat hij de flat van zijn ex in brand steekt",
    "meneer dreigt de huismeester neer te steken",
    "ze zegt dat ze wraak gaat nemen op de buren",
    "hij wacht de postbode morgen op met een bijl",
    # An alarm with no answer
    "het halsalarm van meneer Jansen ging af en hij neemt niet op",
    # Danger in a psychosis
    "ze hoort stemmen die haar opdragen het gas open te zetten",
    "hij loopt verward over de snelweg",
    "hij gooit met kopjes naar de thuiszorg",
    # Indirect death wishes
    "hij wil zich van kant maken",
    "ze zegt dat niemand haar zou missen",
    "hij heeft een touw op zolder klaarliggen",
    # The body in danger
    "oma Wil heeft hoge koorts en is sinds vanmiddag helemaal in de war",
])
def test_acute_danger_is_recognised(tekst):
    assert casus.is_acuut(tekst)


@pytest.mark.parametrize("tekst, soort", [
    ("weet ik niet", "weet_niet"), ("Geen idee.", "weet_niet"), ("dat weet ik niet", "weet_niet"),
    ("sla deze vraag over", "overslaan"), ("overslaan", "overslaan"), ("volgende vraag", "overslaan"),
    ("vorige vraag", "terug"), ("terug", "terug"), ("ga terug", "terug"),
    ("ze kwam net terug uit het ziekenhuis", None), ("ik weet niet of ze hulp wil", None),
])
def test_steering_words(tekst, soort):
    assert casus.sturing(tekst) == soort


@pytest.mark.parametrize("tekst, vraag, verwacht", [
    ("al jaren", "sig_duur", "jaren"),
    ("sinds kort", "sig_duur", "kort"),
    ("81", "sig_leeftijdsgroep", "oudere"),
    ("nee", "sig_contacten", "geen"),
    ("haar dochter belt soms", "sig_contacten", "weinig"),
    ("alleen de buurtsupermarkt", "sig_contacten", "alleen_functioneel"),
    ("alleen zijn moeder nog", "sig_contacten", "weinig"),
    ("nee niks", "sig_problemen", ["geen"]),
    ("schulden en hij drinkt te veel", "sig_problemen", ["schulden", "verslaving"]),
    ("ja hoor", "sig_zegt_eenzaam", "ja"),
    ("nee", "sig_houding_hulp", "weigert"),
    ("hij gaat elke week naar de biljartclub", "sig_deelname", "georganiseerde_activiteit"),
])
def test_short_answers_count_for_the_question_asked(tekst, vraag, verwacht):
    assert casus.lees(tekst, vraag)[vraag] == verwacht


def test_a_short_answer_means_nothing_without_its_question():
    assert "sig_contacten" not in casus.lees("nee")


def test_wie_een_familielid_elke_week_ziet_en_verder_niemand_heeft_weinig_contact():
    assert casus.lees("Haar zoon komt elke zaterdag, verder ziet ze niemand.")["sig_contacten"] == "weinig"


def test_een_jaar_of_zestien_is_geen_duur():
    assert "sig_duur" not in casus.lees("Een jongen van een jaar of zestien zit elke dag in de bibliotheek.")


def test_een_overleden_familielid_is_geen_antwoord_over_contact():
    gelezen = casus.lees("zijn zus is vorig jaar gestorven", "sig_contacten")
    assert "sig_contacten" not in gelezen and gelezen["sig_levensgebeurtenissen"] == ["overlijden_naaste"]


@pytest.mark.parametrize("slot", casus.vragen())
def test_every_button_answers_its_own_question(slot):
    vraag = casus.gegevens()["vragen"][slot]
    for knop in vraag["knoppen"]:
        if knop["antwoord"] == "weet ik niet":
            assert casus.sturing(knop["antwoord"]) == "weet_niet"
            continue
        waarde = casus.lees(knop["antwoord"], slot).get(slot)
        assert waarde is not None, knop
        assert casus.waarde_tekst(slot, waarde)  # has a label


def test_model_entities_are_merged_and_unknown_values_dropped():
    entiteiten = [{"entity": "signaal", "value": "gordijnen_dicht"}, {"entity": "doelgroep", "value": "ouderen"},
                  {"entity": "probleem", "value": "verzonnen"}]
    samen = casus.samenvoegen(casus.lees("de post stapelt zich op"), casus.uit_entiteiten(entiteiten))
    assert samen == {"sig_signalen": ["brievenbus_vol", "gordijnen_dicht"], "sig_leeftijdsgroep": "oudere"}


def _entiteit(tekst, woorden, soort, waarde, **extra):
    begin = tekst.index(woorden)
    return {"entity": soort, "value": waarde, "start": begin, "end": begin + len(woorden), **extra}


def test_model_entities_pass_the_same_context_rules_as_the_patterns():
    tekst = "Schulden heeft hij niet en psychische problemen zijn er ook niet. Zijn zoon drinkt. Hij is somber."
    entiteiten = [_entiteit(tekst, "Schulden", "probleem", "schulden"),
                  _entiteit(tekst, "psychische problemen", "probleem", "psychische_problemen"),
                  _entiteit(tekst, "drinkt", "probleem", "verslaving"),
                  _entiteit(tekst, "somber", "signaal", "somberheid")]
    assert casus.uit_entiteiten(entiteiten, tekst) == {"sig_signalen": ["somberheid"]}


def test_an_entity_with_the_role_afwezig_does_not_count():
    tekst = "Hij heeft geen schulden."
    assert casus.uit_entiteiten([_entiteit(tekst, "schulden", "probleem", "schulden", role="afwezig")], tekst) == {}


def test_slots_become_answers_with_unknowns_and_empty_sets():
    antwoorden = casus.naar_antwoorden({
        "sig_contacten": "overgeslagen", "sig_duur": "weet_niet", "sig_levensgebeurtenissen": ["geen"],
        "sig_problemen": ["weet_niet"], "sig_signalen": None, "sig_houding_hulp": "open", "sig_acuut": True})
    assert antwoorden.contacten == WEET_NIET and antwoorden.duur == WEET_NIET
    assert antwoorden.levensgebeurtenissen == frozenset() and antwoorden.problemen == WEET_NIET
    assert antwoorden.signalen == frozenset() and antwoorden.deelname is None and antwoorden.acuut


def test_summary_lists_what_is_known_in_plain_words():
    assert casus.samenvatting(casus.lees(VOORBEELD)) == (
        "Dit heb ik begrepen:\n"
        "- Hoe lang: al maanden\n"
        "- Ingrijpende gebeurtenis: partner overleden\n"
        "- Leeftijd: oudere\n"
        "- Signalen: post stapelt zich op en komt niet meer buiten")
    assert casus.samenvatting({}) is None


def test_picture_text_is_a_suggestion_with_reasons_rung_and_source():
    slots = {**casus.lees(VOORBEELD), "sig_contacten": "alleen_functioneel", "sig_problemen": ["geen"],
             "sig_houding_hulp": "open", "sig_zegt_eenzaam": "ja"}
    tekst = casus.beeld_tekst(beoordeel(casus.naar_antwoorden(slots)))
    assert "geen etiket en geen diagnose" in tekst
    # "want" with main-clause order (after "omdat" the verbs would have to move to the end)
    assert ("dit lijkt het meest op situationeel isolement, want de partner is overleden, het speelt al maanden "
            "en er zijn alleen functionele contacten.") in tekst
    assert "trede 1, geïsoleerd (bron: participatieladder van VNG en Divosa, jaartal onbekend)" in tekst
    assert "Eenzaamheid of isolement: allebei" in tekst
    assert "Urgentie: geen haast" in tekst
    assert "Vraag of een vrijwilliger kan langskomen" in tekst


# --- the picture as a worker reads it (issue 13) -----------------------------------------------
def _beeld(tekst, **extra):
    slots = {**casus.lees(tekst), **extra}
    slots[casus.ACUUT_SLOT] = casus.is_acuut(tekst) or None
    return casus.beeld_tekst(beoordeel(casus.naar_antwoorden(slots)))


def test_redenen_staan_in_correcte_zinnen_na_want():
    tekst = _beeld("Meneer woont al jaren alleen, heeft geen contact met anderen en is depressief.")
    assert ("- Type: dit lijkt het meest op structureel isolement met ggz, want het duurt al jaren en er spelen "
            "psychische problemen.") in tekst
    assert "omdat" not in tekst


def test_weinig_contact_als_reden_voor_structureel_isolement_klinkt_niet_als_geruststelling():
    tekst = _beeld("Meneer woont al jaren alleen en ziet bijna niemand.")
    assert ("- Type: dit lijkt het meest op structureel isolement, want het duurt al jaren en er is maar weinig "
            "contact.") in tekst


def test_jaren_somber_zonder_contacten_is_het_vierde_type_ook_als_de_persoon_hulp_wil():
    tekst = _beeld("Mevrouw is al jaren depressief en ziet niemand. Ze wil graag hulp.")
    assert "structureel isolement met ggz" in tekst


def test_eenzaam_met_netwerk_noemt_geen_type_en_legt_het_verschil_uit():
    tekst = _beeld("Ze heeft veel vrienden, zingt in het koor en voelt zich toch heel eenzaam.")
    assert "Type: ik zie geen tekenen van sociaal isolement." in tekst
    assert "emotionele eenzaamheid" in tekst and "sociale eenzaamheid" in tekst
    assert "(bron: De Jong Gierveld en Van Tilburg, 2008)" in tekst
    assert "isolement, want" not in tekst


def test_met_bijna_niets_bekend_zegt_het_beeld_wat_ontbreekt():
    tekst = _beeld("Ik maak me zorgen om een buurvrouw.")
    assert "Type: daarvoor weet ik nog te weinig. Ik noem liever geen type dan een verkeerd type." in tekst
    assert "het contact met anderen" in tekst and "hoe lang het al speelt" in tekst
    assert "dreigend isolement" not in tekst


def test_een_doodswens_geeft_nooit_geen_haast():
    tekst = _beeld("Hij heeft veel contact met zijn kinderen maar zegt dat het leven geen zin meer heeft.")
    assert "Urgentie: acuut" in tekst and "geen haast" not in tekst


def test_een_recente_psychose_gaat_eerst_naar_de_huisarts_niet_naar_een_vrijwilliger():
    tekst = _beeld("Na het overlijden van zijn moeder is hij sinds een week psychotisch. Hij heeft geen contact "
                   "met anderen.")
    assert "huisartsenpost" in tekst and "ggz-crisisdienst" in tekst
    assert "Stuur nu geen vrijwilliger." in tekst
    assert "Vraag of een vrijwilliger kan langskomen" not in tekst


def test_tekenen_van_een_psychose_die_net_begon_zijn_een_psychische_crisis_ook_zonder_het_woord():
    tekst = "Sinds een paar weken hoort hij stemmen en denkt hij dat de buren hem bespioneren."
    assert {"psychische_crisis", "psychische_problemen"} <= set(casus.lees(tekst)["sig_problemen"])
    beeld = _beeld(tekst)
    assert "huisartsenpost" in beeld and "meerdere problemen" not in beeld
    assert "er is sinds kort een psychische crisis" in beeld


def test_een_recente_crisis_staat_een_keer_in_de_samenvatting():
    regel = casus.regel("sig_problemen", ["psychische_problemen", "psychische_crisis", "schulden"])
    assert regel == "- Andere problemen: sinds kort een psychische crisis en geldzorgen of schulden"


@pytest.mark.parametrize("tekst", ["Ze houdt iedereen af.", "We merken dat ze de telefoon niet opneemt.",
                                   "Hij stoot iedereen af.", "Ik red me wel, zegt hij."])
def test_afstand_houden_in_andere_woorden(tekst):
    assert "houdt_afstand" in casus.lees(tekst)["sig_signalen"]


def test_dezelfde_tekenen_al_jaren_zijn_geen_crisis():
    problemen = casus.lees("Hij hoort al jaren stemmen.")["sig_problemen"]
    assert problemen == ["psychische_problemen"]


@pytest.mark.parametrize("tekst, fout", [
    ("Haar dochter belt haar elke dag.", "klampt zich vast"),
    ("Hij drinkt elke ochtend koffie met de buurman.", "drinkt"),
    ("Ze komt alleen voor de medicijnen bij de apotheek.", "medicijnen"),
])
def test_gewone_dingen_worden_geen_oordeel_over_de_persoon(tekst, fout):
    signalen = casus.lees(tekst).get("sig_signalen", [])
    assert not {"klampt_vast", "alcoholgebruik", "medicijngebruik"} & set(signalen)
    labels = casus.gegevens()["labels"]["sig_signalen"]["waarden"]
    assert "klampt zich vast" not in labels["klampt_vast"] and "(meer)" not in labels["alcoholgebruik"]


# --- bounded work per message (issue 19) ----------------------------------------------
def _patronen(waarde, pad="signalering"):
    """(path, compiled pattern) for every pattern in the loaded data."""
    if isinstance(waarde, re.Pattern):
        yield pad, waarde
    elif isinstance(waarde, dict):
        for sleutel, deel in waarde.items():
            yield from _patronen(deel, f"{pad}.{sleutel}")
    elif isinstance(waarde, (list, tuple)):
        for index, deel in enumerate(waarde):
            yield from _patronen(deel, f"{pad}[{index}]")


PATRONEN = dict(_patronen(casus.gegevens()))
PATRONEN.update(_patronen(schaal.gegevens(), "schaal"))
# What the patterns read: the reader lowercases and folds spaces first
# (schaal.lees_antwoord too), so an input in capitals or with tabs is timed
# once, as the text the patterns see.
LEESBAAR = casus._leesbaar


def test_every_pattern_of_the_data_files_is_collected():
    assert "signalering.antwoorden.sig_contacten.alleen_functioneel[0]" in PATRONEN
    assert len(PATRONEN) >= 60


@pytest.mark.parametrize("pad", sorted(PATRONEN))
def test_each_description_pattern_is_linear_on_adversarial_input(pad):
    """'\\w*(thuiszorg|...)' took 4.3 s on 10,000 characters before: it now
    starts at a word start only."""
    patroon = PATRONEN[pad]
    seconden, eenheid = tijdmeting.traagste(lambda tekst: list(patroon.finditer(tekst)), vorm=LEESBAAR)
    assert seconden <= tijdmeting.GRENS, f"{pad} took {seconden * 1000:.0f} ms on {eenheid!r} * n"


def test_reading_a_long_description_stays_fast():
    seconden, eenheid = tijdmeting.traagste(casus.lees, grens=10 * tijdmeting.GRENS, vorm=LEESBAAR)
    assert seconden <= 10 * tijdmeting.GRENS, f"lees took {seconden * 1000:.0f} ms on {eenheid!r} * n"


def test_het_beeld_zonder_isolement_zegt_waarom_er_geen_type_is():
    tekst = ("Meneer (80) gaat elke week naar de biljartclub en zijn kleinkinderen komen elke zondag. "
             "Hij zegt dat hij niet eenzaam is.")
    beeld = beoordeel(casus.naar_antwoorden(casus.lees(tekst)))
    assert beeld.zonder_type == "geen_isolement"
    tekst_beeld = casus.beeld_tekst(beeld)
    assert "geen tekenen van sociaal isolement" in tekst_beeld and "Daarom noem ik geen type" in tekst_beeld


def test_vrienden_van_vroeger_maken_het_gebruik_van_nu_niet_tot_verleden():
    assert casus.lees("Hij slaapt soms bij vrienden van vroeger, gebruikt speed.")["sig_problemen"] == ["verslaving"]


def test_een_psychose_van_een_paar_dagen_is_een_crisis_ook_als_het_isolement_al_jaren_duurt():
    gelezen = casus.lees("Sinds een paar dagen hoort hij stemmen. Hij woont al jaren alleen en ziet niemand.")
    assert "psychische_crisis" in gelezen["sig_problemen"] and gelezen["sig_duur"] == "jaren"
    assert "psychische_crisis" not in casus.lees("Hij hoort al jaren stemmen.")["sig_problemen"]


# Acute danger said in everyday words, by the development set that showed the
# kind missing; every sentence is written apart from those sets.
@pytest.mark.parametrize("tekst", [
    # Death wishes in other words (the third description development set)
    "Tegen de buurvrouw zei hij: 'het hoeft voor mij allemaal niet meer.'",
    "Ze zegt steeds dat ze wacht tot God haar komt halen.",
    "In de keukenla vond ik een voorraad slaappillen.",
    "Sinds de begrafenis zegt ze: 'ik wil gewoon bij hem zijn.'",
    "Hij denkt dat het makkelijker is voor zijn kinderen als hij er niet meer is.",
    "'Waar leef ik eigenlijk nog voor?', vroeg meneer gisteren.",
    # Kinds found missing on the fourth crisis development set, in other words than that set
    # Said plainly, a plan or a date, things given away
    "meneer zei: ik maak er dit weekend een eind aan",
    "ze stuurde 'sorry voor alles, vannacht ga ik het'",
    "hij heeft een strop in de schuur en weet al wanneer",
    "ze wil met de auto in de dichte garage de motor laten draaien",
    "hij gaf me zijn trouwring, die heeft hij binnenkort niet meer nodig zegt hij",
    "ze zegt dat ik niet meer hoef te komen, het voelde als afscheid",
    "mevrouw praat over de grote reis die ze gaat maken, zonder koffer",
    "meneer zei dat hij na het weekend toch weg is en wilde niet zeggen waar",
    "zeg tegen mijn dochter dat ik van haar hield",
    "hij wil bij Gerda zijn, Gerda is vorig jaar overleden",
    "zijn zaken zijn geregeld en hij zegt dat het zondag voorbij is",
    "op de sterfdag van haar man wil ze naar hem toe gaan",
    # Poison, pills with drink, someone who cannot be woken
    "hij heeft bleekwater gedronken",
    "ze heeft een handvol slaappillen geslikt",
    "hij heeft zijn pillen met wodka ingenomen",
    "we krijgen haar niet wakker",
    "hij spuit al dagen geen insuline meer",
    "ze heeft diabetes en is suf en zweterig",
    # Self-harm in the first person, a body in danger
    "ik snijd mezelf elke avond",
    "haar onderarmen vol verse krassen",
    "de wond aan zijn been stinkt en er zit pus in",
    "ze zit in een stoel vol urine",
    "sinds vanochtend hangt zijn gezicht aan een kant",
    "hij zit buiten op de stoep en komt niet overeind",
    "ze is verward en loopt buiten zonder jas terwijl het vriest",
    # Voices, fire, gas
    "hij hoort een stem die zegt dat hij moet springen",
    "de radio zegt haar dat ze moet verdwijnen",
    "er staan brandende kaarsen vlak bij de gordijnen",
    "de pan staat op het vuur en de rookmelder gaat af",
    "het ruikt in zijn keuken sterk naar gas",
    # Nobody answers
    "mevrouw neemt al twee dagen niet op",
    "sinds zaterdag doet meneer de deur niet open",
    "de melk van eergisteren staat nog voor de deur",
    "er zitten vliegen achter het raam van de benedenburen",
    "er komt een rare lucht onder de voordeur door",
    "het alarm van oma ging af en ze neemt niet op",
    # Locked in, tied, violence, threats
    "hij doet de deur op slot en neemt de sleutel mee, ze kan er niet uit",
    "ze laten hem niet de deur uit",
    "er zit een hangslot aan de buitenkant van haar deur",
    "haar broer sluit haar in de schuur op",
    "hij ligt de hele dag vastgebonden aan zijn bed",
    "haar man sleepte haar bij de haren door de gang",
    "zijn zoon duwde hem tegen de muur",
    "de buren hebben zijn ramen ingegooid",
    "mijn mantelzorger knijpt en slaat me",
    "ze heeft een blauw oog en zegt niets",
    "hij wordt bedreigd dat hij van de trap wordt geduwd",
    "hij liet me een pistool zien",
    "hij komt terug met een bijl, riep hij",
    "meneer zegt dat hij zijn buurman gaat doden",
    # Kinds found missing on the fifth crisis development set, in other words than that set
    "hij zegt dat de pijn hem rust geeft als hij zich brandt",
    "ze heeft gisteren veel dieper gesneden dan normaal",
    "mijn broer krabt zich open tot het bloedt",
    "ik zit opgesloten in de schuur",
    "opa zit op slot in de logeerkamer",
    "het meisje wordt niet naar buiten gelaten door haar oom",
    "hij staat met een knuppel bij de voordeur van de buren",
    "ik ga met een mes naar die jongen toe",
    "hij riep dat hij haar de hersens in slaat",
    "hij heeft een pistool en wil zijn baas af te maken, zegt hij",
    "hij schreeuwde: ik maak je af",
    "ze krijgt klappen als het huis niet schoon is",
    "ik ben bang dat ik mijn zoontje iets aandoe",
    "zijn maaltijden staan al vier dagen onaangeroerd, hij neemt niet op",
    "de buurman is sinds zondag niet meer gezien",
    "al vijf dagen zijn de gordijnen dicht bij mevrouw",
    "de vuilniszakken staan nog al een week op het balkon",
    "hij heeft 40 pijnstillers op",
    "ze heeft alle slaaptabletten in een keer geslikt",
    "als de metro komt spring ik",
    "hij wil de rivier in lopen",
    "ze zit op de rand van het balkon",
    "de kamer staat vol rook en meneer zit er nog",
    "het is binnen maar zes graden bij oma",
    "ik hang me vanavond op",
    "hij wil met zijn auto tegen een viaduct knallen",
    "ze pakte me bij mijn keel",
    "ze zei dat ze hem iets aandoet als hij praat",
    "ze eet en drinkt helemaal niks meer",
    "hij denkt dat hij kan vliegen en staat bij het raam",
    "mijn tante ligt onderaan de trap en kan niet praten",
    "na vandaag ben ik niemand meer tot last",
    "morgen hoeft niemand meer voor mij te komen",
    "hij zegt dat hij vannacht naar de overkant gaat",
    "er ligt een plastic zak met tape klaar",
    "hij zei dat hij niet meer wil.",
    "hij heeft chloor in zijn thee gedaan en ervan gedronken",
    # Kinds found missing on the sixth crisis development set, in other words than that set
    "hij zegt dat hij zijn huisbaas gaat afmaken",
    "ze heeft een mes in haar rugzak en wil naar school",
    "zit ze opgesloten? haar zoon doet de deur op slot als hij weg is",
    "hij wil met een jerrycan naar het gemeentehuis",
    "ik spreek mijn vader al vier dagen niet, en hij neemt nooit zo lang niet op",
    "haar rechterarm is ineens slap",
    "ze heeft een oude gaskachel aan en voelt zich misselijk en suf",
    "de koolmonoxidemelder piept en meneer is duizelig",
    "mevrouw is sinds woensdag door niemand meer gezien",
    "sinds dinsdag heeft niemand hem meer gezien",
    "bij de brievenbus van meneer ruikt het erg vreemd",
    "hij zegt dat hij de buren voor moet zijn",
    "er ligt een bijl achter de voordeur, voor als ze komen",
    "haar zoon laat haar niet bellen",
    "hij heeft haar rollator verstopt zodat ze niet weg kan",
    "ze klaagde over pijn op haar borst en neemt nu niet op",
    "hij loopt op blote voeten door de tuin terwijl het vriest",
    "ze zegt dat ze maandag vertrekt, maar er is geen reis gepland",
    # Kinds found missing on the seventh and eighth crisis development sets, in other words than those sets
    "mw zegt dat ze er nt meer wil zijn",
    "zn dochter zegt dat ie dood wil",
    "op het aanrecht lag een briefje 'voor wie mij vindt'",
    "ze heeft een trommeltje vol gespaarde slaappillen en zegt dat ze wacht tot de kinderen op vakantie zijn",
    "hij heeft de hele zondag op de keukenvloer gelegen voor de buurvrouw hem vond",
    "mevrouw stond vannacht op blote voeten bij de bushalte",
    "meneer is al drie dagen niet gezien",
    "ze heeft een beklemmend gevoel op de borst en is heel bleek",
    "zijn gezicht hangt ineens scheef en hij kan zijn been niet meer bewegen",
    "ze heeft suiker en haar bloedsuiker is veel te laag, ze reageert traag",
    "hij is met zijn hoofd tegen de trap gevallen en moet steeds overgeven",
    "het ruikt in het trappenhuis sterk naar gas",
    "ze wil de pillen van de hele maand vanavond tegelijk nemen",
    "hij wil zijn slaappillen met een fles wijn wegspoelen",
    "haar kleinzoon zwaaide met een schaar en riep dat oma de volgende is",
    "ik hoor gekerm achter de voordeur maar niemand doet open",
    "hij is done met alles en heeft een plan om het morgen te doen",
    # Kinds found missing on the ninth and tenth crisis development sets, in other words than those sets
    "hij wil geen dokter, maar zijn open been stinkt en hij heeft koorts",
    "ze heeft een temperatuur van 40 en praat wartaal",
    "hij is broodmager geworden en eet helemaal niets meer",
    "ze eet niks meer en de huisarts mag niet komen",
    "de maaltijden van drie dagen staan onaangeroerd in de koelkast",
    "de kranten liggen tot tegen het fornuis en hij kookt op gas",
    "er branden theelichtjes tussen de stapels kranten",
    "er is geen vrije doorgang meer naar buiten door alle spullen",
    "geen verwarming in huis en mevrouw is kortademig",
    "overal ratten en mevrouw is zo zwak dat ze niet meer kan staan",
    "haar zoon ging gisteren weer los op haar",
    "ze durft niet meer naar huis door haar man",
    "de verzorger die haar knijpt als ze niet wil eten",
    "hij heeft de deur op slot gedraaid en haar telefoon meegenomen",
    "hij zit al uren op de keukenvloer en kan niet overeind",
    "ze wordt gemept door haar vriend",
    "hij heeft zichzelf vannacht iets aangedaan",
    "ze zegt dat ze gestopt is met eten tot het over is",
    "hij wil uit het leven stappen",
    "mijn buurman wil van het dak af stappen",
    "ze loopt 's nachts buiten in haar nachtjapon",
    "we hoorden gekerm in de badkamer maar ze deed niet open",
    # Indirect and passive death wishes inside a description (data/beschrijvingen/doodswens.yml's kinds)
    "Ze zei tegen de wijkverpleging dat ze niet meer wil bestaan.",
    "Hij zegt dat God hem maar bij zich moet roepen, hij hoeft niet meer.",
    "Mw. bewaart al weken haar slaappillen in een la en zegt dat ze die spaart.",
    "Hij vertelde dat hij steeds vaker aan zelfdoding denkt.",
    "Ze zegt: 'van mij mag het nu afgelopen zijn'.",
    "Hij staat 's avonds bij het spoor en denkt erover om die stap te zetten.",
    "Ze vraagt de huisarts om euthanasie omdat ze zich zo alleen voelt.",
    "Hij zocht op internet hoeveel pillen je nodig hebt.",
    # The eleventh crisis development set's kinds
    "Hij heeft zich vanmiddag met een scheermesje in de pols gesneden.",
    "Mijn cliënt met dementie is vermist, ze liep in haar nachthemd naar buiten.",
    "Meneer is al drie uur weg van de afdeling en niemand weet waar hij is.",
    "De buurman heb ik niet gezien al vier dagen en hij neemt niet op.",
    "Ze heeft een doos oxazepam die ze bewaart voor als ze niet meer wil.",
    "Hij schreeuwt dat hij de flat in brand gaat steken.",
    "Ze zei dat het beter zou zijn als ze er niet meer was.",
    "Ik zie hem door het raam op de vloer liggen in zijn eigen urine.",
    # The seventh description development set's kinds
    "Ze zegt: 'Van mij hoeft het allemaal niet meer, ik wacht tot ik mag gaan.'",
    "Hij zou soms liever niet meer wakker worden, zegt hij.",
    "Zonder zijn vrouw moet het voor hem niet meer.",
    # The twelfth crisis development set's kinds
    "Hij appte: 'dag allemaal, het was mooi', met een foto van zijn pillen.",
    "Ze zegt dat ze alles klaar heeft liggen om vanavond te sterven.",
    "Hij noemde het spoor de enige uitweg.",
    "Ze zei bij de deur: 'jullie zien me nooit meer terug'.",
    "Hij wil vannacht in de garage de motor van zijn auto laten draaien.",
    "Ze heeft zich met een heet strijkijzer gebrand.",
    "Hij heeft ontkalker gedronken en moet overgeven.",
    "Door het raam zie ik haar liggen. Ze kan niet zelf opstaan.",
    "We hebben hem al vijf dagen niet gezien en de post stapelt zich op.",
    "Er komt dikke rook uit haar keuken en ze doet niet open.",
    "Hij rookt in bed terwijl de zuurstof aanstaat.",
    "Ze zegt dat ze het vannacht gaat afmaken.",
    "Help, hij heeft pillen geslikt.",
    "Hij bedankte me voor de laatste keer en gaf me zijn horloge.",
    "Hij ligt al uren gevallen in de gang.",
    "Ze krijgt bijna geen lucht en haar lippen worden blauw.",
    "Meneer dwaalt al drie uur door de wijk en weet niet waar hij woont.",
    "De zoon schreeuwde dat hij haar kapot maakt en gooide een stoel om.",
    "Hij liep in zijn pyjama de ringweg op.",
    # Kinds of sets 6 to 11 that a retrained model no longer read
    "Ze krabt zich tot het bloedt en het houdt niet op.",
    "Hij heeft net zijn arm opengehaald met een mesje.",
    "Ze zei dat het de laatste keer was dat we haar zouden zien.",
    "De thuishulp trekt haar aan haar haren als ze te langzaam eet.",
    "Hij houdt het eten achter als ze niet luistert.",
    "Haar zoon zei dat hij haar komt halen en dat ze dan spijt krijgt.",
    "De jongens gaan hem pakken als hij weer klaagt.",
    "Hij heeft sinds zondag niets gegeten en kan van zwakte nauwelijks staan.",
    "Ze heeft al dagen geen insuline gespoten.",
    "Hij zegt dat hij het gas open wil zetten.",
    "Hij had twee aanvallen vlak na elkaar en slikt zijn pillen niet.",
    "Ze spuugt bloed.",
    "Het vriest en er is nergens verwarming in huis.",
    "Geen eten in huis, de verwarming uit en mevrouw is heel suf.",
    "Ze heeft al twee dagen niet geplast en is verward.",
    "Hij zegt dat de duivel in zijn vrouw zit en pakt een hamer.",
    # The kinds of crisis development sets 13 and 14, in other words than those sets
    "mw is suisidaal geworden sinds de dood van haar zus",
    "hij praat over zelfmoort en heeft de deur op slot gedaan",
    "ze heeft zelfdodings gedachten en staat nu op de brug",
    "Haar vader met alzheimer is sinds de middag vermist en het wordt donker.",
    "Mijn cliënt is dement en niet thuisgekomen van de markt.",
    "Meneer is erg in de war en staat zonder jas buiten terwijl het vriest.",
    "Een oude vrouw loopt tussen de auto's op de rotonde.",
    "Hij fietst over de snelweg en weet niet waar hij is.",
    "Mevrouw ligt in de keuken en komt niet meer overeind, ze is gevallen.",
    "Hij ligt sinds vanochtend in de badkamer en niemand hoort hem.",
    "De wijkverpleegkundige trof haar aan op de vloer van de slaapkamer.",
    "Ik voel geen polsslag bij meneer.",
    "Ze kleurt blauw rond de mond en ademt piepend.",
    "Hij kan zijn linkerarm sinds een uur niet meer bewegen.",
    "Naast haar ligt een leeg doosje slaappillen en ze is nauwelijks wakker.",
    "Hij heeft al zijn tabletten op een rij naast zijn bed klaargelegd.",
    "Ze bewaart haar oxazepam in een trommeltje in plaats van ze te slikken.",
    "Hij drinkt sinds maandag niets meer.",
    "Er hangt een rare lucht in het trappenhuis en de buurvrouw doet al dagen niet open.",
    "Zijn broer schreeuwde: ik steek je dood.",
    "Ze wordt elke avond door haar kleinzoon geslagen.",
    "Hij loopt met een mes rond door de gang van de flat.",
    "Het touw hangt al klaar op zolder, zegt hij.",
    "Ze zegt dat haar kinderen beter af zijn zonder haar.",
    "Hij zegt dat het zondag voorbij is, voor altijd.",
    "Ze heeft haar poes naar de buren gebracht en zei dat ze haar niet meer nodig heeft.",
    # The kinds of crisis development sets 15 and 16, in other words than those sets
    "Ik denk er serieus aan om mezelf iets aan te doen.",  # 'serieus' is no 'serie'
    "Ze zegt dat ze op deze wereld niks meer te zoeken heeft.",
    "Hij wil naar zijn vrouw toe, zonder haar is het leeg.",
    "Hij nam gisteren afscheid van de groep alsof het voor altijd was.",
    "Ze wilde plotseling haar hele crematie regelen, vandaag nog.",
    "De verzorger pakt haar hardhandig vast bij het wassen.",
    "De alarmcentrale belt mij, want meneer reageert nergens op.",
    "Ze nam een hele strip slaappillen met een fles wijn.",
    "Hij vraagt steeds nieuwe recepten voor slaappillen, terwijl hij ze niet gebruikt.",
    "Er staat een pan in brand op het fornuis.",
    "Ik ben gevallen en kom niet meer omhoog.",
    "help, ik lig op de keukenvloer",
    "Haar vriend heeft haar gisteren hard in het gezicht geslagen.",
    "Zijn broer slaat hem als hij geen geld geeft.",
    "Hij zit klem tussen het bed en de muur.",
    "Na haar val is ze nog steeds niet opgestaan.",
    "Ze slikt haar medicijnen niet maar verstopt ze in haar kast.",
    "Hij haalt bij drie apotheken oxazepam.",
    "Naast de slaappillen lag een briefje voor zijn dochter.",
    "Het is min tien buiten en ze reageert heel traag.",
    "Ze heeft een dikke lip en kijkt angstig naar haar man.",
    "Hij zegt dat zijn tijd is gekomen en dat hij het zelf regelt.",
    "Ze wil een punt achter haar leven zetten.",
    "Hij wil zich van kant maken.",
    "Hij vroeg hoeveel insuline dodelijk is.",
    "Ze staat op de brug naar het water te staren.",
    "Ik spaar mijn pijnstillers al weken op.",
    "Je hoeft mij niet te gaan zoeken, schreef hij.",
    "mijn client heeft zelf moord gedachten",
    # Probed in my own words after sets 15 and 16
    "Meneer wordt door zijn zoon ernstig verwaarloosd.",
    "Mevrouw krijgt al drie dagen geen eten van haar dochter.",
    "Hij staat nu op het spoor achter het station.",
    "Ze is het moe om te leven.",
    "Bij het huisbezoek sprak ze over een sterke doodswens.",
    # The kinds of crisis development sets 17 and 18, in other words than those sets
    "Welke activiteit past bij haar? Ze belde net dat ze op de brug staat en niet meer naar huis wil.",
    "Hij gaf me zijn reservesleutel; er ligt een touw in zijn schuur.",
    "Hij zit in de auto met lopende motor in de garage.",
    "Haar zoon riep dat hij haar vannacht wel stil krijgt.",
    "Ze ligt naast de bank en komt niet meer overeind, al sinds de middag.",
    "Meneer ligt in zijn eigen urine in de gang.",
    "Ze heeft haar tabletten niet ingenomen maar in een blik verzameld.",
    "Hij weet precies hoeveel hij nodig heeft, zegt hij.",
    "Mevrouw valt steeds flauw in de keuken.",
    "We kunnen haar sinds het einde van de middag niet meer vinden.",
    "Hij ademt bijna niet meer.",
    "Zijn slaapkamer staat vol rook.",
    "Haar ex staat met een mes voor de voordeur.",
    "Ze zegt: straks heeft niemand meer last van mij, jullie hebben geen last meer van me.",
    "Opa is van de trap gevallen, er zit bloed aan zijn hoofd en hij zegt niets.",
    "Zijn oxazepam is allemaal op en hij wordt niet goed wakker.",
    "Ze heeft een hele pen insuline gespoten, expres.",
    "Het gas is afgesloten en hij is onderkoeld en verward.",
    "Ze zit sinds gisteren zonder eten en zonder insuline.",
    "Mijn vader is kwijt, hij heeft dementie.",
    "my client wants to end it, wat moet ik doen",
    "Ze is vanavond aan de lange slaap begonnen, schreef ze.",
    "Hij wil het mes bij zichzelf gaan gebruiken.",
    "Ze eet niet meer om naar haar man te gaan.",
    "mijn maatje heeft zelfmort gedachten",
    # The kinds of crisis development sets 19 and 20, in other words than those sets
    "Hij heeft zijn tramadol opgespaard.",
    "Ze heeft haar lorazepam al weken gespaard en zegt dat het genoeg is.",
    "Zijn teen is zwart en hij heeft hoge koorts, maar hij wil geen dokter.",
    "Het is vier graden in huis en hij bibbert en praat wartaal.",
    "Ze heeft net een hele strip pillen geslikt en wordt suf.",
    "Meneer is al dagen zo ziek dat hij bijna niet meer reageert.",
    "Ze appte dat ze nu op het dak zit.",
    "Hij belde om gedag te zeggen en neemt nu niet meer op.",
    "Hij wil vannacht sterven.",
    "Ze zegt dat ze vanavond alles inneemt.",
    "Ik vond bij hem opgespaarde slaappillen.",
    "Hij zegt dat de pillen zijn uitweg zijn.",
    "Haar arm bloedt hevig na de val.",
    "Ze stuurde haar zoon een afscheidsbericht.",
    "Zij is vanochtend door haar vriend geslagen.",
    "Hij zit met een mes in zijn hand in de keuken.",
    "HIJ WIL SPRINGEN",
    "De buurman dreigt met mes.",
    "Haar zoon roept dat hij haar gaat pakken.",
    "Ze heeft een kapotte lip en zegt dat ik niks mag vertellen.",
    "Hij fietst nu naar het spoor.",
    "Hij noemde zelfmoord en zei dat het vannacht gebeurt.",
    "Ze wil ergens heen waar niemand haar mist.",
    "Hij wil zijn leven beëindigen.",
    "Ze wil niet meer verder.",
    # The eighth description development set's death wishes, in other words
    "Zonder mijn kleinzoon was ik er al lang niet meer geweest, zegt ze.",
    "Hij schreef dat iedereen dan van hem af is.",
    "Ze wil naar een plek waar niemand haar meer vindt.",
    # The kinds of crisis development set 21, in other words than that set
    "Ze zegt dat het gas al een uur openstaat.",
    "Hij belde vannacht om afscheid te nemen.",
    "Op Instagram schreef ze: bedankt voor alles, ik ben er klaar mee.",
    "Naast hem lagen twintig lege strips en hij ademt traag.",
    "Er komt een rottingslucht uit de woning.",
    "De voet van meneer is helemaal zwart.",
    "Hij hapt naar lucht en zijn tong zwelt op.",
    "Ze blijft maar schokken, al tien minuten.",
    "Hij wil zijn vrouw achterna.",
    "Hij zegt dat niemand een ambulance mag bellen.",
    "Ze deelt al haar sieraden uit aan de buren.",
    "Hij bracht zijn hond naar het asiel en zei dat alles geregeld is.",
    "Hij gaf me zijn pinpas: jij hebt die harder nodig dan ik.",
    "Hij stuurde een foto van een touw aan de balk.",
    "Ze zit met haar benen naar buiten op de vensterbank.",
    "Haar zoon slaat me, fluisterde ze.",
    "De verzorger bindt hem vast aan het bed.",
    "Ze zat met een bloedende lip op de grond.",
    "Ik hoor iemand help roepen achter de deur.",
    "Zijn been staat raar gedraaid en hij kan niet bij de telefoon.",
    "Hij heeft twee keer zijn insuline gespoten en is klam.",
    "Ze ligt al dagen in een natte luier.",
    "De baby is slap en huilt niet meer.",
    # Death wishes in a description (fourteenth session); a denial covers its own clause only
    "Hij vertelde over zijn dienstwapen: 'dan was het allang klaar geweest', en daar denkt hij weer veel aan.",
    "Gisteren stond ze op het station en was ze 'bijna gesprongen'. Ze weet niet of ze zichzelf nog tegenhoudt.",
    "Zegt: 'ik wil niet meer, ik ben het zo zat allemaal'. Wil geen bezoek.",
    "Hij ontkent het, maar hij heeft al een afscheidsbrief geschreven en wil dood.",
    "Er zijn geen signalen van verwaarlozing, maar ze zegt dat ze dood wil.",
    "Hij wil dood, geen twijfel mogelijk.",
    # The second death-wish description set's kinds, in other words: words said in
    # between, the Lord asked to come, nothing left to live for, no wish to go on
    "Hij zei: 'ik zie het echt niet meer zitten.'",
    "Mevrouw zegt: het hoeft van mij allemaal niet meer.",
    "Ze zegt dat onze lieve Heer haar nu wel mag komen halen.",
    "Ze bidt elke avond dat God haar komt halen.",
    "Waarom leef ik eigenlijk nog, vroeg ze me.",
    "Hij heeft geen zin meer om verder te gaan.",
    "Ze heeft geen reden meer om te leven.",
    # a past that is over only when the text says so; a denial covers only its own danger
    "Vroeger dacht ze aan zelfmoord en nu weer, zegt ze.",
    "Jaren geleden heeft ze een overdosis genomen en nu spaart ze weer pillen.",
    # last week is no long past; and the wish in the past tense or with the subject after the verb
    "Vorige week wilde ze dood; nu zegt ze geen gedachten aan de dood meer te hebben.",
    # twenty-second session (set 43): the wish in the person's own words, the verb first
    "Ze zei zacht: 'Eigenlijk wil ik dood.'",
    "Sinds gisteren wil hij dood.",
    "Hij ontkende het eerst; nu zegt hij dat hij dood wil.",
    "Ik vroeg of hij dood wil en hij zei niet nee.",
    "Ik vroeg of ze dood wil. Ze zei ja.",
    # The fourth death-wish set's kinds, in other words
    "Van mij mag ik morgen het hoekje om, zei hij.",
    "Wat haar betreft mag het licht uit.",
    "Ze is het leven moe.",
    "Na de kerst hoeft ze er niet meer te zijn, zegt ze.",
    "Beter ben ik dood, zei hij.",
    "Hij wil stoppen met het leven.",
    "Ze snapt niet waarom ze nog doorgaat.",
    "Hij heeft opgezocht hoe hoog de brug is.",
    "Ze eet expres minder, dan is het sneller klaar.",
    "Ze zegt dat Allah haar mag komen halen.",
    "Ik ga naar het spoor, zei hij.",
    # The fifth death-wish set's kinds, in other words
    "Mocht ik onder een vrachtwagen komen, dan is dat niet erg, zei ze.",
    "Dat pensioen haal ik toch niet, daar zorg ik zelf wel voor.",
    "Hij vroeg of je in de hemel komt als je zelf de deur dichtdoet.",
    "We gaan samen, zegt ze over haar man, ze heeft de pillen al in huis.",
    "Ze heeft haar crematie al geregeld, terwijl ze kerngezond is.",
    "Zijn kinderen zijn beter af zonder zo'n vader, zegt hij.",
    "Mevrouw is gisteren gestopt met eten en drinken.",
    # twenty-third session (set 56): a farewell as a message to others
    "Hij appte de familie: 'straks zijn jullie eindelijk van me af.'",
    "Dan ben je voorgoed van me af, schreef ze haar zus.",
    "Ze zei: iedereen is gauw van me af.",
    # a denial covers only its own words
    "Zichzelf iets aandoen wil hij niet, zegt hij, maar hij heeft al zijn pillen opgespaard.",
])
def test_acuut_gevaar_in_andere_woorden_krijgt_de_crisisroutes(tekst):
    assert casus.is_acuut(tekst)


@pytest.mark.parametrize("tekst", [
    # Ordinary sentences with the words of death wishes
    "Je bent nog lang niet van me af, grapte hij bij het afscheid.",
    "Ze hoeft voor mij allemaal niet meer naar de soos, zegt haar dochter.",
    "Hij wacht op de bus naar de markt.",
    "Hij wacht tot hij mag gaan vissen met zijn kleinzoon.",
    # The twelfth crisis development set's close kinds: a story, a word, a sign, the past
    "We zagen in de film een vrouw die van een brug wilde springen, hoe praat ik daarover na?",
    "In het boek dat ze leest snijdt een meisje zichzelf, ze wil erover praten.",
    "Welke signalen wijzen op suïcidale gedachten bij jongeren?",
    "Mag ik het woord zelfmoord gewoon gebruiken in een gesprek?",
    "Haar vader sloeg haar vroeger, nu woont ze al veertig jaar veilig.",
    "Wat doe ik als iemand ooit zegt dat hij niet meer wil leven?",
    "Ik zag rook uit de schoorsteen komen, dus ze is thuis.",
    "Er komt rook uit de schoorsteen, de kachel brandt weer.",
    "De gaskraan staat open omdat ze kookt.",
    "Ze krabt aan haar arm omdat de wol kriebelt.",
    "Jullie zien me niet meer terug op de soos, zei hij, want hij gaat verhuizen.",
    "Van mij moet het niet meer zo druk worden in het buurthuis.",
    "Haar zoon wil op zondag graag bij haar zijn.",
    # The same words as the fourth set's kinds, without danger
    "ze heeft zichzelf vroeger gesneden, dat is jaren geleden",
    "hij heeft geen gedachten aan zelfmoord, dat heb ik gevraagd",
    "na de verhuizing heeft ze de oude kast niet meer nodig",
    "ze gaat volgend jaar de grote reis naar Canada maken",
    "de post stapelt zich op en ze komt niet meer buiten",
    "ze neemt de telefoon niet op als haar zus belt",
    "ze kan haar arm niet goed optillen door de reuma",
    "het alarm van meneer ging af, maar het was per ongeluk en alles is goed",
    "hij kreeg een blauwe plek op zijn wang toen hij gevallen was",
    "morgen doe ik het huisbezoek samen met mijn collega",
    # The same words as the fifth set's kinds, without danger
    "ze zegt dat ze niet aan zelfmoord denkt, ze mist vooral haar zus",
    "ze heeft in haar jeugd veel geweld meegemaakt en vertrouwt mensen moeilijk",
    "het is niet dat ik dood wil, maar het voelt leeg",
    "ze wil niemand tot last zijn en vraagt daarom nooit hulp",
    "de deur zit op slot als ik aanbel, ze doet nooit open",
    "hij zegt dat hij niet meer wil sporten",
    "we steken morgen samen over naar de overkant van de straat",
    # The second death-wish description set's kinds, in other words: danger long
    # ago that is over, a death wish denied right after it is named, a life
    # someone else ended
    "Rond zijn dertigste heeft hij aan zelfmoord gedacht, maar dat ligt ver achter hem.",
    "Als tiener deed ze een zelfmoordpoging. Inmiddels is ze al jaren stabiel.",
    "In haar drinktijd wilde ze er niet meer zijn, maar nu wil ze juist leven.",
    "Ik vroeg of hij weleens dood wil; dat ontkende hij.",
    "De beste vriend van haar zoon heeft een einde aan zijn leven gemaakt.",
    "Haar broer maakte een einde aan zijn leven, dat is twee jaar geleden.",
    "Mijn dochter mag me morgen komen halen van de dagbesteding.",
    "De heer Bakker komt haar halen bij de dagbesteding.",  # a title, not the Lord
    "De heer Jansen roept haar bij zich.",
    "Waar doe ik het nog voor, zegt hij over de tuin.",
    # The fourth death-wish and the context description sets' kinds, in other
    # words: a question the worker asked, answered no; no one threatened; a
    # denial after the danger; a suicide that was someone else's
    "Ik heb gevraagd of ze aan zelfdoding denkt, maar dat was het niet: ze is gewoon moe.",
    "Ik vroeg of hij soms dood wil en hij zei: nee, zo bedoel ik het niet.",
    "Hij heeft niemand bedreigd.",
    "Suïcidale gedachten zijn er niet.",
    "Na de zelfdoding van een klasgenoot is ze stil.",
    "Zijn broer overleed door zelfmoord.",
    "Twintig jaar geleden deed hij een suïcidepoging. Hij is al jaren stabiel.",
    "maak je de vragenlijst af voor vrijdag?",
    "hij heeft zijn pillen allemaal ingenomen zoals de dokter zei",
    # The same words as the sixth set's kinds, once the worry is over
    "ze gaat haar opleiding afmaken",
    "hij zit al jaren opgesloten in zijn eigen huis door zijn angst",
    "meneer was al een week niet gezien, maar hij bleek in het ziekenhuis te liggen",
    "de gordijnen zijn al dagen dicht, maar ze logeert bij haar dochter",
    "vroeger sneed ik mezelf, daar ben ik al jaren mee gestopt",
    # The same words as the seventh and eighth sets' kinds, without danger
    "het gas is afgesloten omdat ze naar een nieuwe flat verhuist",
    "ze had gisteren pijn op de borst, de huisarts heeft haar onderzocht en het bleek spierpijn",
    "hij neemt zijn medicijnen van de week netjes uit de weekdoos",
    "ze is een week niet gezien, maar ze bleek op vakantie te zijn",
    "ze heeft een plan om het huis op te ruimen",
    "de zangers van het koor zien dubbel zoveel leden als vorig jaar",
    "ik ben klaar met de vragenlijst, wat nu?",
    # The same words as the ninth and tenth sets' kinds, without danger
    "ze had vorige week koorts, maar het gaat weer goed",
    "hij is mager, maar hij eet goed en gaat elke dag wandelen",
    "de kranten liggen op stapels in de gang, maar de doorgangen zijn vrij",
    "ze durft niet naar de soos, ze kent er niemand",
    "we sloten de avond af en hij ging naar huis",
    "hij zit graag op de vloer met zijn kleinkinderen te spelen",
    "ze loopt 's nachts vaak door het huis omdat ze slecht slaapt",
    "hij gaat in het voorjaar uit de wijkraad stappen",
    # The same words as the death-wish set's kinds, without a death wish
    "Aan zelfmoord denkt hij niet, zegt hij.",
    "Hoe vraag ik of iemand aan zelfdoding denkt?",
    "Ze had het over een debat over euthanasie op tv.",
    "Ik wil niet verder met de vragen.",
    "Ze wil stoppen met werken en genieten van het leven.",
    # The same words as the eleventh set's kinds, without danger
    "Haar bril is zoek en ze is een beetje in de war over de afspraak.",
    "Hij heeft zich bij het koken in de vinger gesneden.",
    "Ze bewaart de foto's voor als de kleinkinderen komen.",
    "Ik heb haar sinds de verhuizing niet meer gezien, ze woont nu bij haar dochter.",
    # The same words as the kinds of sets 13 and 14, without danger
    "Hij is succesvol geweest als sociaal werker.",
    "Ze volgt een cursus zelfmoordpreventie.",
    "Mevrouw met dementie loopt graag met haar dochter door het park.",
    "Ze is bang dat ze ooit op de vloer ligt na een val en niemand het merkt.",
    "In de serie lag de oude man na een val dagen in de gang.",
    "Ze heeft lang geleden pillen gespaard, dat is twintig jaar geleden.",
    "Er hangt een vieze lucht in huis omdat ze veel spullen bewaart.",
    "Hij zorgt voor de kat van de buren als die op vakantie gaan.",
    "Het verslag is morgen klaar.",
    "Haar buurvrouw vermoordt haar nog met al dat gepraat, lacht ze.",
    # The same words as the kinds of sets 15 and 16, without danger
    "We lagen op de grond van het lachen.",
    "Ze gleed uit en lag even op de grond, maar ze stond meteen weer op.",
    "Vroeger werd ze door haar broer gepest, nu hebben ze goed contact.",
    "Ze ziet het niet meer zitten met die lekkage in de keuken.",
    "We zetten er een punt achter met de koffieochtend.",
    "Ze zei lachend dat ze de pijp aan Maarten geeft als ze weer verliest.",
    "Hij nam afscheid van de vrijwilligers omdat hij gaat verhuizen.",
    "Ze bewaart haar medicijnen in de koelkast, zoals de apotheek zei.",
    "In het nieuwsbericht ging het over huiselijk geweld.",
    "Hij zit op het goede spoor met zijn nieuwe hobby.",
    "Een doodswens speelt niet, dat heb ik gevraagd.",
    "De tuin wordt verwaarloosd sinds haar man er niet meer is.",
    "Er is bij hen nooit geweld geweest, wel veel ruzie.",
    "Vorige winter zat ze drie dagen zonder verwarming, maar dat is opgelost.",
    "Ze wil dood van schaamte als iemand haar rommelige huis ziet.",
    "De cursus zelfmoord preventie begint in maart.",
    "Ze viel twee jaar geleden en lag toen een uur op de grond.",
    "Zijn ex-vrouw sloeg hem vroeger, nu is hij gelukkig met zijn nieuwe partner.",
    "DIE PRINTER HEEFT ME VERMOORD 😂",
    "Ze wil een lange slaap houden zoals Doornroosje in het sprookje.",
    "Ze wil niet meer verder met de cursus.",
    "Hij wil springen op de trampoline van zijn kleinkinderen.",
    "In de toneelvoorstelling speelt ze een vrouw die niet meer wil leven.",
    "Vorig jaar werd ze geslagen door haar ex, nu is ze veilig.",
    "Ze bewaart haar antidepressiva netjes in de weekdoos.",
    "Twee jaar geleden lag hij een nacht op de grond, nu heeft hij een alarm.",
    "In het rollenspel met een suïcidale cliënt oefenden we de vragen.",
    "Hij belde om afscheid te nemen omdat hij gaat verhuizen.",
    # A description that denies the danger it names (fourteenth session)
    "Er zijn geen signalen dat ze zelf dood wil; de juf vraagt hoe ze het contact in de klas verbetert.",
    "Sombere stemming na het overlijden van haar partner. "
    "Suïcidaliteit door huisarts uitgevraagd: geen doodsgedachten.",
    "Mevrouw ontkent suïcidale gedachten en wil graag een maatje.",
    "Ze wil niet meer naar de soos sinds haar vriendin verhuisd is.",
    # twenty-second session (set 41): a threat and a death wish denied
    "Hij bedreigt niemand en zegt niet dat hij zichzelf iets wil aandoen.",
    # twenty-third session (tried over REST): the denial after the words, its verb first
    "Aan zichzelf iets aandoen wil ze niet, zegt ze.",
    "Zichzelf wat aandoen wilde hij nooit, vertelt zijn zus.",
])
def test_gewone_zinnen_met_dezelfde_woorden_zijn_geen_crisis(tekst):
    assert not casus.is_acuut(tekst)


@pytest.mark.parametrize("tekst, slot", [
    ("Psychisch is hij volgens de huisarts in orde.", "sig_problemen"),
    ("Een meisje van negen jaar in groep 5.", "sig_duur"),
    ("Meneer is na dertig jaar ontslagen.", "sig_duur"),
    ("Psychisch is er niks aan de hand.", "sig_problemen"),
    ("Ze zat tot vorig jaar in de schuldsanering, dat is netjes afgerond.", "sig_problemen"),
    ("Hij had een depressie, daarvan is hij hersteld.", "sig_problemen"),
    ("Ze mist haar kaartclubje enorm.", "sig_signalen"),
    # she lets the worker in: no refusal of help
    ("Ze laat niemand binnen behalve mij.", "sig_houding_hulp"),
    # the eighth description development set's kinds: a short question answered no,
    # a complaint of last year that is over
    ("Mevrouw (70) woont alleen. Schulden? Nee, die heeft ze niet.", "sig_problemen"),
    ("Dhr. (68) ziet weinig mensen. Vorige maand had hij nog last van zijn rug, dat is nu helemaal over.",
     "sig_problemen"),
    # the context development set's kinds, in other words: a label answered no, a
    # doctor who ruled it out, "niet meer" after "sinds" with a year, the way
    # out after "maar", a past that ends "tot ...", colleagues no longer seen
    ("Dhr. (58) woont alleen. Alcohol: nee.", "sig_signalen"),
    ("Mw. (33) woont alleen. Een depressie heeft de huisarts uitgesloten.", "sig_problemen"),
    ("Dhr. (45) woont alleen; drugs gebruikt hij sinds 2019 niet meer.", "sig_problemen"),
    ("Hij was jarenlang verslaafd aan heroïne maar is sinds 2018 clean.", "sig_problemen"),
    ("Mw. (70) woont alleen. Tot een paar jaar geleden zong ze in het kerkkoor.", "sig_deelname"),
    ("Meneer (66) ziet zijn collega's sindsdien niet meer.", "sig_deelname"),
    # seen in a transcript: the writer's role, and colleagues of old
    ("Ik bezoek mevrouw Lammers (79) als vrijwilliger. Ze komt niet meer buiten.", "sig_deelname"),
    ("Nu mist hij vooral zijn oude collega's.", "sig_deelname"),
    # a general set's kinds: someone else's volunteer work, a past that ends "tot die tijd",
    # "dat lukt niet meer", medication stopped
    ("Een vrijwilliger van de kerk vroeg of ik langs wil gaan.", "sig_deelname"),
    ("Tot die tijd deed hij vrijwilligerswerk bij de kringloop.", "sig_deelname"),
    ("Hij ging altijd naar de mannengroep van de kerk, maar dat lukt niet meer.", "sig_deelname"),
    ("Hij is sinds een week gestopt met zijn medicatie.", "sig_deelname"),
    ("Hij drinkt al jaren geen alcohol meer.", "sig_problemen"),
    ("Ze drinkt al jaren koffie bij de buurvrouw.", "sig_problemen"),
    ("Mw. (80) verloor in mei haar man. De eerste weken kwamen de kinderen om beurten langs.", "sig_contacten"),
    # twenty-first session: the same words without help refused, health or a move
    ("Ze staat niet open voor hulp.", "sig_houding_hulp"),
    ("Hij woont al veertig jaar in hetzelfde huis.", "sig_levensgebeurtenissen"),
    ("Sinds kort woont ze alleen in het dorp, haar man is opgenomen.", "sig_levensgebeurtenissen"),
    ("Na het ongeluk van haar kleinzoon slaapt ze slecht.", "sig_problemen"),
    ("Pijn heeft hij niet.", "sig_problemen"),
    ("Haar zoon is bij zijn vriendin weggegaan.", "sig_levensgebeurtenissen"),
    ("Ze vindt het gezellig als ik kom, maar naar de inloop wil ze niet.", "sig_houding_hulp"),
    ("'Ik heb niemand nodig, ik heb mijn hond,' zegt hij.", "sig_houding_hulp"),
])
def test_what_the_description_does_not_say_is_not_read(tekst, slot):
    assert slot not in casus.lees(tekst)


@pytest.mark.parametrize("tekst, vraag, verwacht", [
    # seen in a transcript: a short answer that names another question's subject answers that one
    ("geen andere problemen", "sig_contacten", {"sig_problemen": ["geen"]}),
    ("nee, ze wil geen hulp", "sig_deelname", {"sig_houding_hulp": "weigert"}),
    ("niets bijzonders", "sig_problemen", {"sig_problemen": ["geen"]}),
    ("nee, geen contact", "sig_contacten", {"sig_contacten": "geen", "sig_signalen": ["weinig_contact"]}),
])
def test_een_kort_antwoord_hoort_bij_de_vraag_waar_het_over_gaat(tekst, vraag, verwacht):
    assert casus.lees(tekst, vraag) == verwacht


def test_een_korte_vraag_met_ja_of_een_ander_nee_telt_wel():
    assert "schulden" in casus.lees("Mevrouw (70) woont alleen. Schulden? Ja, flink.")["sig_problemen"]
    assert "schulden" in casus.lees("Heeft ze schulden? Ja. Alcohol? Nee.")["sig_problemen"]


@pytest.mark.parametrize("tekst, niet, wel", [
    # the pronoun of a clause says whose it is, when the person's gender is clear
    ("Mevrouw Jansen, 80, zorgt voor haar man. Hij is depressief. Ze komt zelf nergens meer.",
     {"sig_problemen"}, {"sig_deelname": "geen"}),
    ("Mw. 61 vertelt dat haar buurman sinds de dood van zijn vrouw veel drinkt. Ze maakt zich zorgen.",
     {"sig_levensgebeurtenissen", "sig_problemen"}, {"sig_leeftijdsgroep": "volwassene"}),
    ("Dhr. 70 is sinds de dood van zijn vrouw veel alleen en drinkt te veel.",
     set(), {"sig_levensgebeurtenissen": ["overlijden_partner"], "sig_problemen": ["verslaving"]}),
    # "ze" is also "they": two people going to church together is his outing too
    ("Dhr. 76 heeft weinig vrienden. Op zondag gaan ze samen naar de kerk.",
     set(), {"sig_deelname": "georganiseerde_activiteit"}),
    # no clear gender: the rule says nothing
    ("Cliënt uit de wijk, drinkt te veel.", set(), {"sig_problemen": ["verslaving"]}),
    # a relative after a preposition is no subject: what follows is the person's own,
    # unless "met" or "die" tells something about the relative
    ("Dhr. 69 woont met zijn vrouw in Zwolle en zingt al jaren in een koor.",
     set(), {"sig_deelname": "georganiseerde_activiteit"}),
    ("Dhr. 69 is mantelzorger voor zijn vrouw met parkinson.", {"sig_problemen"}, {}),
    # "hij drinkt veel en heeft schulden": the subject goes on after "en" with a verb
    ("Mevrouw (74) woont met haar zoon. Hij drinkt veel en heeft flinke schulden.", {"sig_problemen"}, {}),
    ("Dhr. 80 mist de buurman, maar die is sinds de zomer zwaar depressief.", {"sig_problemen"}, {}),
    # the sixth description development set's kinds: whose problem it is
    ("Annelies (63) zorgt voor haar zoon. Volgens haar hoort hij stemmen en wantrouwt hij iedereen. "
     "Ze ziet daardoor bijna niemand meer, zegt ze.",
     {"sig_problemen"}, {"sig_signalen": ["weinig_contact"]}),
    ("Ria (59) past op de kinderen van haar dochter, die sinds januari in een kliniek ligt vanwege een depressie.",
     {"sig_problemen"}, {}),
    ("Door de gokverslaving en de schulden van haar zoon staat mevrouw (61) er slecht voor.", {"sig_problemen"}, {}),
    ("Hij deelt de keuken met een huisgenoot met een flink alcoholprobleem. Dennis (24) drinkt zelf niet.",
     {"sig_problemen"}, {}),
    ("Ik zie mijn vader (77) nog één keer per maand. Ik ben zelf net gescheiden. Hij kaart elke donderdag "
     "en hij doet vrijwilligerswerk.",
     set(), {"sig_levensgebeurtenissen": None}),
    # the person's words in quotes are the person's own, with or without quote marks
    ("Mw. 61 zit altijd alleen op haar kamer. Ze zegt: ik ben altijd eenzaam geweest.",
     set(), {"sig_zegt_eenzaam": "ja"}),
    ("Dhr. 77 zei tegen de huisarts: 'ik ben eenzaam zonder mijn Riet.'", set(), {"sig_zegt_eenzaam": "ja"}),
    # without a he or she, the "ik" is the person writing about themself
    ("Mantelzorger voor mijn man, al zes jaar. Ik kom zelf nergens meer en ik voel me eenzaam.",
     set(), {"sig_zegt_eenzaam": "ja"}),
    ("Mw. Visser, 45, wil niet dat ik haar psychiater bel.", set(), {"sig_houding_hulp": "weigert"}),
    ("Dhr. 71 is sinds zijn vrouw vier maanden geleden overleed niet meer bij de biljartclub geweest.",
     set(), {"sig_levensgebeurtenissen": ["overlijden_partner"], "sig_signalen": ["niet_meer_bij_activiteiten"]}),
    ("Mw. 70 zorgt voor haar man die dementie heeft.", {"sig_problemen"}, {}),
    # the context development set's kind: "wel" right after the relative's verb
    ("Mw. (66) is niet somber. Haar zus is wel depressief.", {"sig_problemen"}, {}),
    ("Ik kom sinds maart bij meneer Bos (81) als maatje. Hij doet vrijwilligerswerk bij de kerk.",
     set(), {"sig_deelname": "vrijwilligerswerk"}),
])
def test_who_a_clause_is_about_follows_its_pronoun(tekst, niet, wel):
    gelezen = casus.lees(tekst)
    assert not niet & set(gelezen)
    assert {slot: gelezen.get(slot) for slot in wel} == wel


def test_the_words_quoted_in_the_summary_hold_no_name_or_number_from_the_description():
    """The quotes come from the lower-case text the patterns read, where 'vos'
    no longer follows a capitalised title; the summary is stored with the
    conversation, so what the redaction finds in the original is taken out."""
    tekst = "Dhr. Vos, 70, zingt elke week in het koor. Zijn zus belt soms op 06-12345678."
    samenvatting = casus.samenvatting(casus.lees(tekst), casus.vermeldingen(tekst)) or ""
    assert "vos" not in samenvatting.lower() and "12345678" not in samenvatting
    assert "- Leeftijd: oudere ('[NAAM], 70')" in samenvatting


def test_een_doodswens_van_lang_geleden_is_geen_signaal_van_zinloosheid():
    """Seen in a transcript: the picture listed "praat over het leven als zinloos" for a wish long over."""
    tekst = "Rond zijn veertigste heeft hij aan zelfmoord gedacht, maar dat ligt ver achter hem."
    assert "zinloosheid" not in casus.lees(tekst).get("sig_signalen", [])
    assert "zinloosheid" in casus.lees("Hij denkt aan zelfmoord.")["sig_signalen"]


def test_zonder_uitgesloten_gevaar_laat_de_zinnen_weg_waarvan_de_context_het_gevaar_uitsluit():
    tekst = "Ze woont alleen. Als tiener wilde ze er niet meer zijn, maar nu wil ze juist leven. Ze mist haar zus."
    assert casus.zonder_uitgesloten_gevaar(tekst) == "ze woont alleen. ze mist haar zus."
    assert casus.zonder_uitgesloten_gevaar("Ze woont alleen.") is None  # no danger words at all
    assert casus.zonder_uitgesloten_gevaar("Ze wil er niet meer zijn.") is None  # danger that counts


def test_een_verhaal_aan_het_begin_van_een_lange_zin_dekt_geen_gevaar_verderop():
    opvulling = "en toen ging het weer over de buurt " * 12  # over 300 characters without a full stop
    assert casus.is_acuut("We keken een film over de oorlog " + opvulling + "en nu slaat hij haar")


@pytest.mark.parametrize("tekst, slot, waarde", [
    ("Mevrouw (84) verloor acht maanden geleden haar man.", "sig_levensgebeurtenissen", "overlijden_partner"),
    ("Meneer is vorig jaar zijn vrouw verloren.", "sig_levensgebeurtenissen", "overlijden_partner"),
    ("Mijn buurman komt sinds de dood van zijn vrouw bijna niet meer buiten.", "sig_signalen", "komt_niet_buiten"),
    # signals in everyday words, found fresh on sets 37 and 39 (twenty-first session)
    ("Bij de buren zit de brievenbus propvol.", "sig_signalen", "brievenbus_vol"),
    ("Uit de bus steken de folders van een week.", "sig_signalen", "brievenbus_vol"),
    ("De rolluiken blijven de hele dag naar beneden.", "sig_signalen", "gordijnen_dicht"),
    ("Overdag is het donker achter de ramen.", "sig_signalen", "gordijnen_dicht"),
    ("Hij drinkt naar eigen zeggen wat meer dan vroeger.", "sig_signalen", "alcoholgebruik"),
    ("Elke avond neemt ze een paar borrels.", "sig_signalen", "alcoholgebruik"),
    ("Hij zit hele dagen thuis met de radio aan.", "sig_signalen", "komt_niet_buiten"),
    ("Sinds de operatie is hij aan huis gebonden.", "sig_signalen", "komt_niet_buiten"),
    ("Naar het koor gaat ze al weken niet meer.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Hij slaat steeds vaker een repetitie over.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Ze komt steeds minder naar de kaartmiddag.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Zijn boterhammen liggen 's avonds nog onaangeroerd op tafel.", "sig_signalen", "slecht_eten"),
    ("Ze heeft zich nog nooit zo eenzaam gevoeld, zegt ze.", "sig_signalen", "zegt_eenzaam"),
    ("Hij zegt dat hij zich verlaten voelt.", "sig_signalen", "zegt_eenzaam"),
    ("Hij is liever alleen, zegt hij.", "sig_signalen", "houdt_afstand"),
    ("Ze reageert niet meer op de appjes van haar vriendinnen.", "sig_signalen", "houdt_afstand"),
    ("Ze ligt elke nacht te piekeren.", "sig_signalen", "slecht_slapen"),
    ("Voor de tuin heeft hij geen puf meer.", "sig_signalen", "lusteloosheid"),
    ("Hij slaapt bijna niet.", "sig_signalen", "slecht_slapen"),
    # twenty-second session, kinds found fresh on sets 40 to 42
    ("Hij laat alleen zijn zus nog binnen.", "sig_signalen", "houdt_afstand"),
    ("Hij vertrouwt niemand in de straat.", "sig_signalen", "houdt_afstand"),
    ("Met zijn familie heeft hij gebroken.", "sig_signalen", "houdt_afstand"),
    ("Grote verjaardagen mijdt ze al jaren.", "sig_signalen", "houdt_afstand"),
    ("Hij houdt de wijkagent buiten de deur.", "sig_signalen", "houdt_afstand"),
    ("Hij gaat alleen 's nachts naar buiten.", "sig_signalen", "komt_niet_buiten"),
    ("Hij is alleen nog op zijn kamer te vinden.", "sig_signalen", "komt_niet_buiten"),
    ("Bij de kaartclub laat ze zich niet meer zien.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Naar het zingen in de kerk gaat hij niet meer.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Ze slaat de yoga en de koffieochtend over.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Hij kwam niet meer repeteren.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("De bridgeavond heeft ze laten schieten.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Ze is gestopt met de wandelgroep.", "sig_signalen", "niet_meer_bij_activiteiten"),
    ("Ze zegt dat ze slecht slaapt.", "sig_signalen", "slecht_slapen"),
    ("Hij slaapt steeds onrustiger.", "sig_signalen", "slecht_slapen"),
    ("Ze heeft nauwelijks trek.", "sig_signalen", "slecht_eten"),
    ("De koelkast is bijna leeg.", "sig_signalen", "slecht_eten"),
    ("Hij ligt de meeste dagen op bed.", "sig_signalen", "lusteloosheid"),
    ("Sinds de verhuizing drinkt ze 's avonds meer.", "sig_signalen", "alcoholgebruik"),
    ("Hun voortuin is een jungle.", "sig_signalen", "tuin_verwaarloosd"),
    ("Ik zag dat zijn bus uitpuilt van de reclame.", "sig_signalen", "brievenbus_vol"),
    ("Een personenalarm heeft ze afgeslagen.", "sig_houding_hulp", "weigert"),
    ("Haar vriendin, die elke week voor haar kookte, is in maart overleden.", "sig_levensgebeurtenissen",
     "overlijden_naaste"),
    ("Dit jaar zijn drie van haar vijf zussen overleden.", "sig_levensgebeurtenissen", "overlijden_naaste"),
    ("Sinds haar relatie vorig jaar uitging, woont ze alleen.", "sig_levensgebeurtenissen", "scheiding"),
    ("Na de scheiding moest hij naar een kleine studio.", "sig_levensgebeurtenissen", "verhuizing"),
    ("Ze is haar baan als kassière kwijt.", "sig_levensgebeurtenissen", "baanverlies"),
    ("Haar rug en knieën zijn slecht.", "sig_problemen", "gezondheid"),
    ("Hij spuit zelf zijn insuline.", "sig_problemen", "gezondheid"),
    ("In de gang hangt een vieze stanklucht.", "sig_problemen", "verwaarlozing"),
    ("Ze verzorgt zich minder goed dan vroeger.", "sig_problemen", "verwaarlozing"),
    ("De huur betaalt hij al maanden niet; nu laat hij de rekeningen liggen.", "sig_problemen", "schulden"),
    ("Ze heeft jaren in de psychiatrie gezeten.", "sig_problemen", "psychische_problemen"),
    ("Hij denkt dat hij via de radio berichten krijgt.", "sig_problemen", "psychische_problemen"),
    ("Hij blowt niet, maar gebruikt dagelijks cannabis.", "sig_problemen", "verslaving"),
    # twenty-third session (sets 48 to 58): disorders and fears by name, medicines, delusions in other words
    ("Sinds haar studie heeft ze een paniekstoornis.", "sig_problemen", "psychische_problemen"),
    ("Door zijn pleinvrees gaat hij de straat niet meer op.", "sig_problemen", "psychische_problemen"),
    ("Ze is erg achterdochtig en een beetje paranoïde aangelegd.", "sig_problemen", "psychische_problemen"),
    ("Hij slikt al twintig jaar lithium.", "sig_problemen", "psychische_problemen"),
    ("Volgens hem zouden de buren hem via de verwarming afluisteren.", "sig_problemen", "psychische_problemen"),
    ("Ze zegt dat de radio 's nachts tegen haar praat.", "sig_problemen", "psychische_problemen"),
    # the clause with the problem ends before a new one: "waar", a verb before "en", "daarna"
    ("Hij heeft een dwangstoornis waar hij nooit hulp voor heeft gezocht.", "sig_problemen", "psychische_problemen"),
    ("Een man die al jaren een angststoornis heeft en zijn huis bijna niet meer verlaat.", "sig_problemen",
     "psychische_problemen"),
    ("Op zijn twintigste kreeg hij een depressie, daarna is hij gestopt met werken.", "sig_problemen",
     "psychische_problemen"),
    # "volgens haar" names who tells it, not whom it is about
    ("Nu praat hij volgens haar over cameras in het plafond.", "sig_problemen", "psychische_problemen"),
])
def test_alledaagse_woorden_voor_verlies_en_thuis_zitten_worden_gelezen(tekst, slot, waarde):
    assert waarde in casus.lees(tekst).get(slot, [])


def test_een_verloren_baan_is_geen_overleden_partner():
    assert "overlijden_partner" not in casus.lees("Hij verloor vorig jaar zijn baan en zijn vrouw werkt nog.").get(
        "sig_levensgebeurtenissen", [])


def test_een_type_uit_de_lezing_van_de_hele_beschrijving_zegt_dat_in_een_correcte_zin():
    slots = {**casus.lees("Mevrouw (81) heeft weinig contact en gaat nog wel naar de soos. Haar man is overleden."),
             casus.TYPELEZING_SLOT: "situationeel"}
    tekst = casus.beeld_tekst(beoordeel(casus.naar_antwoorden(slots)))
    assert ("- Type: dit lijkt het meest op situationeel isolement, want de beschrijving als geheel lijkt veel op "
            "andere beschrijvingen van dit type") in tekst
    assert "Het kan ook dreigend isolement zijn. Overleg daarover met een collega." in tekst


@pytest.mark.parametrize("lezing, slots, zin", [
    ("geen", {"sig_zegt_eenzaam": "ja"}, "Type: ik noem geen type van isolement. De beschrijving als geheel lijkt het "
     "meest op die van iemand die zich eenzaam voelt, maar niet geïsoleerd is."),
    ("geen", {"sig_zegt_eenzaam": "nee"}, "Type: ik noem geen type van isolement. De beschrijving als geheel lijkt "
     "het meest op die van iemand zonder sociaal isolement."),
    ("onbekend", {}, "Type: de beschrijving als geheel laat nog geen duidelijk type zien. Ik noem liever geen type "
     "dan een verkeerd type."),
])
def test_geen_type_uit_de_lezing_zegt_waarop_het_berust(lezing, slots, zin):
    basis = {**casus.lees("Mevrouw (81) heeft weinig contact en gaat nog wel naar de soos. Haar man is overleden."),
             **slots, casus.TYPELEZING_SLOT: lezing}
    tekst = casus.beeld_tekst(beoordeel(casus.naar_antwoorden(basis)))
    assert zin in tekst
    assert ("(bron: De Jong Gierveld en Van Tilburg, 2008)" in tekst) == (slots == {"sig_zegt_eenzaam": "ja"})
    assert "isolement, want" not in tekst


def test_tekens_van_een_psychose_van_een_paar_dagen_zijn_een_psychische_crisis():
    """Tried over REST (twenty-first session): the name and age between "denkt" and "dat",
    and "sinds vier dagen", left a fresh psychosis unread. The days date the psychosis, not
    the isolation: after years alone it is a crisis in a long isolation."""
    gelezen = casus.lees("Sinds vier dagen denkt Sanne (31) dat de buren haar bespioneren.")
    assert "psychische_crisis" in gelezen["sig_problemen"] and "sig_duur" not in gelezen
    lang = casus.lees("Hij woont al jaren alleen. Sinds een paar dagen denkt hij dat hij gevolgd wordt.")
    assert lang["sig_duur"] == "jaren" and "psychische_crisis" in lang["sig_problemen"]
