"""Whether a mention in a description counts (actions/signalering/context.py),
through `casus.vermeldingen`, on sentences of the kinds the issue names (not
the held-out ones): negated, hypothetical, past and resolved, someone else's,
and intensified or past-tense wording that must still be read."""
import pytest

from actions.signalering import casus


def gelezen(tekst):
    return {(slot, waarde) for slot, waarden in casus.vermeldingen(tekst).items() for waarde in waarden}


@pytest.mark.parametrize("tekst, niet", [
    ("Psychische problemen zijn er niet, ze is vooral moe.", ("sig_problemen", "psychische_problemen")),
    ("Hij heeft geen schulden en woont alleen.", ("sig_problemen", "schulden")),
    ("Meneer heeft nooit gedronken.", ("sig_problemen", "verslaving")),
    ("Ze is niet depressief, wel verdrietig.", ("sig_problemen", "psychische_problemen")),
    ("Ze ontkent dat ze eenzaam is.", ("sig_zegt_eenzaam", "ja")),
    # eighteenth session (set 24): a loss that is only feared
    ("Ze is bang haar huis kwijt te raken door de achterstand.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Hij is bang zijn werk kwijt te raken.", ("sig_levensgebeurtenissen", "baanverlies")),
    # eighteenth session (set 23): "uitgesloten" right after the mention, and no diagnosis
    ("Een drankprobleem is uitgesloten door de huisarts.", ("sig_problemen", "verslaving")),
    ("Bij de ggz kwam er geen diagnose uit.", ("sig_problemen", "psychische_problemen")),
    # eighteenth session (sets 21 and 22): "niks" after the mention
    ("Psychisch is er bij haar niks gevonden, wel veel pijn in haar knie.", ("sig_problemen", "psychische_problemen")),
    ("Psychiatrisch speelt er niets, hij slaapt alleen slecht.", ("sig_problemen", "psychische_problemen")),
    ("Hij zei: 'Eenzaam? Welnee, ik heb mijn duiven.'", ("sig_zegt_eenzaam", "ja")),
    # twentieth session (sets 31 to 34): a no between commas, and a second "geen" that governs its own words
    ("Ze zegt dat ze moe is, 'maar eenzaam, nee, dat voel ik me niet'.", ("sig_zegt_eenzaam", "ja")),
    # twenty-second session (set 42)
    ("Hij voelt zich 'allesbehalve alleen', zegt hij.", ("sig_zegt_eenzaam", "ja")),
])
def test_een_ontkende_vermelding_telt_niet(tekst, niet):
    assert niet not in gelezen(tekst)


@pytest.mark.parametrize("tekst, niet", [
    ("Ze is bang dat ze schulden krijgt.", ("sig_problemen", "schulden")),
    ("Misschien is hij depressief, dat weten we niet.", ("sig_problemen", "psychische_problemen")),
    ("Vroeger dronk hij veel, nu al jaren niet meer.", ("sig_problemen", "verslaving")),
    ("Ze had schulden, die zijn afgelost.", ("sig_problemen", "schulden")),
    # "voor die tijd", "voor de opname": what was before the change is past (trying it over REST)
    ("Voor die tijd werkte hij gewoon en had hij een vriendengroep.", ("sig_contacten", "regelmatig")),
    ("Voor de opname zat ze elke week op volleybal.", ("sig_deelname", "georganiseerde_activiteit")),
    # a place lost ("kwijt") is no taking part now (set 23)
    ("Hij raakte vorig jaar zijn plek bij de dagbesteding kwijt.", ("sig_deelname", "georganiseerde_activiteit")),
    # colleagues of a past job are no work now
    ("Sinds zijn pensioen mist hij zijn collega's.", ("sig_deelname", "betaald_werk")),
    ("Zijn oud-collega's ziet hij niet meer.", ("sig_deelname", "betaald_werk")),
    ("Haar collega's waren haar vriendinnen.", ("sig_deelname", "betaald_werk")),
    # nineteenth session (sets 27 and 28): how it always was, or back home, is past
    ("Ze was altijd een vrolijke vrouw met een volle agenda.", ("sig_contacten", "regelmatig")),
    ("Thuis in Polen had ze een grote vriendengroep.", ("sig_contacten", "regelmatig")),
    # twentieth session (sets 31 to 34): a sentence that opens in the past, "maar dat is voorbij",
    # "is hij af", a club that closed, a question or a search, colleagues he misses
    ("Voorheen ging hij elke week met zijn zwager en twee oude buren naar de biljartclub in het buurthuis.",
     ("sig_deelname", "georganiseerde_activiteit")),
    ("Na de scheiding voelde hij zich erg eenzaam, maar dat is nu echt voorbij.", ("sig_zegt_eenzaam", "ja")),
    ("Van de gokverslaving is hij al jaren af.", ("sig_problemen", "verslaving")),
    ("De kerk in het dorp is dicht gegaan.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Hij wilde weten of er vrijwilligerswerk in de buurt is.", ("sig_deelname", "vrijwilligerswerk")),
    ("Ze zoekt een vereniging waar ze kan biljarten.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Hij is op zoek naar een club waar hij kan biljarten.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Hij zegt dat hij zijn collega's mist.", ("sig_deelname", "betaald_werk")),
    # twenty-second session (sets 40 to 42): a question whether, a way out after "maar", stopped as,
    # done with it, gone over
    ("Of hij zich eenzaam voelt, weet ik niet.", ("sig_zegt_eenzaam", "ja")),
    ("Ze vraagt of ze depressief wordt.", ("sig_problemen", "psychische_problemen")),
    ("Ze had een depressie, maar daar is ze goed uit gekomen.", ("sig_problemen", "psychische_problemen")),
    ("Ze is in mei gestopt als vrijwilliger bij de bieb.", ("sig_deelname", "vrijwilligerswerk")),
    ("Met gokken heeft hij niets meer.", ("sig_problemen", "verslaving")),
    ("Hij had een depressie, die met hulp van de huisarts over is gegaan.", ("sig_problemen", "psychische_problemen")),
])
def test_een_mogelijke_of_voorbije_vermelding_telt_niet(tekst, niet):
    assert niet not in gelezen(tekst)


@pytest.mark.parametrize("tekst, niet", [
    ("Zijn moeder is depressief.", ("sig_problemen", "psychische_problemen")),
    ("Haar zoon heeft grote schulden.", ("sig_problemen", "schulden")),
    ("Mevrouw vertelt dat de buurman van haar dochter veel drinkt.", ("sig_problemen", "verslaving")),
    ("Ze is 19 en woont thuis. Moeder drinkt veel.", ("sig_problemen", "verslaving")),
    ("Vroeger kwam haar zus vaak, maar die is nu zelf dement.", ("sig_problemen", "gezondheid")),
    ("Ze spreekt weinig Nederlands, man werkt de hele dag.", ("sig_deelname", "betaald_werk")),
    ("Iemand van de kerk maakte zich zorgen.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Ik bezoek als vrijwilliger een vrouw van 84.", ("sig_deelname", "vrijwilligerswerk")),
    # a friend in the diminutive, and a neighbour just named as "die buurvrouw"
    ("Joris (10) mist zijn beste vriendje, dat is naar Groningen verhuisd.",
     ("sig_levensgebeurtenissen", "verhuizing")),
    ("Ze gaat graag bij de buurvrouw op de koffie. Die buurvrouw verhuist in maart.",
     ("sig_levensgebeurtenissen", "verhuizing")),
    # "die" as the subject after a conjunction is the relative just named
    ("Haar broer belt niet meer sinds die aan de cocaïne is.", ("sig_problemen", "verslaving")),
    ("Haar man is sinds vorige maand zelf ook werkloos.", ("sig_levensgebeurtenissen", "baanverlies")),
    # eighteenth session (set 23): "de vader heeft zelf", "de oudste broer, die", "de buurvrouw, zelf ook ..."
    ("Het contact gaat via haar; de vader heeft zelf grote schulden.", ("sig_problemen", "schulden")),
    ("Het lijkt op de oudste broer, die zwaar verslaafd is.", ("sig_problemen", "verslaving")),
    ("De buurvrouw, zelf ook depressief, doet de boodschappen.", ("sig_problemen", "psychische_problemen")),
    ("Met zijn dochter gaat het moeizaam, omdat die verslaafd is aan gokken.", ("sig_problemen", "verslaving")),
    # nineteenth session (sets 25 and 26): the writer's own volunteering
    ("Ik ben haar vaste vrijwilliger van de Zonnebloem.", ("sig_deelname", "vrijwilligerswerk")),
    # "die zit trouwens zelf ook in de schulden" (set 27)
    ("Haar broer belt niet meer; die zit trouwens zelf ook diep in de schulden.", ("sig_problemen", "schulden")),
    # sets 29 and 30: a neighbour who is a widow herself, one of the housemates, friends who moved
    ("Hij komt elke week. De buurvrouw is zelf ook net weduwe.", ("sig_levensgebeurtenissen", "overlijden_partner")),
    ("Een van zijn huisgenoten drinkt veel.", ("sig_problemen", "verslaving")),
    ("Twee vriendinnen zijn vorig jaar verhuisd.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("De vader van Pieter is leraar.", ("sig_deelname", "betaald_werk")),
    ("Ze vertelde dat haar vader eenzaam is.", ("sig_zegt_eenzaam", "ja")),
    ("Zijn beste vriend is vorige maand naar een verpleeghuis in een andere stad verhuisd.",
     ("sig_levensgebeurtenissen", "verhuizing")),
    ("Vrijwilliger bij de voedselbank hier. Een man van 50 komt steeds alleen.", ("sig_deelname", "vrijwilligerswerk")),
    ("Ze zei tegen mij als vrijwilliger dat ze niemand heeft.", ("sig_deelname", "vrijwilligerswerk")),
    # twenty-second session (sets 40 to 42): "maar die verhuist", a brother in apposition, "sinds kort" inside
    # the relative's clause, the writer as a volunteer
    ("Haar vriendin komt elke dag, maar die verhuist in de zomer.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Zijn broer, zijn enige familie, zit zelf in de schulden.", ("sig_problemen", "schulden")),
    ("Haar man heeft sinds kort last van reuma.", ("sig_problemen", "gezondheid")),
    ("Op de volkstuin, waar ik als vrijwilliger help, ziet ze mensen.", ("sig_deelname", "vrijwilligerswerk")),
    ("De coördinator belde me als vrijwilliger van de voedselbank.", ("sig_deelname", "vrijwilligerswerk")),
])
def test_iemand_anders_zijn_probleem_telt_niet(tekst, niet):
    assert niet not in gelezen(tekst)


@pytest.mark.parametrize("tekst, wel", [
    ("Ze voelt zich héél eenzaam.", ("sig_zegt_eenzaam", "ja")),
    ("Hij voelt zich erg alleen sinds de verhuizing.", ("sig_zegt_eenzaam", "ja")),
    ("Haar man overleed vorig jaar.", ("sig_levensgebeurtenissen", "overlijden_partner")),
    ("Hij woont al meer dan vijftien jaar alleen.", ("sig_duur", "jaren")),
    ("Ze praat alleen met de caissière.", ("sig_contacten", "alleen_functioneel")),
    ("Hij zingt elke week in het koor.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Hij is depressief, zijn moeder niet.", ("sig_problemen", "psychische_problemen")),
    ("Ze heeft schulden maar geen verslaving.", ("sig_problemen", "schulden")),
    ("Hij komt niet meer buiten.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij komt zijn huis niet meer uit.", ("sig_signalen", "komt_niet_buiten")),
    ("Hulp wil hij niet.", ("sig_houding_hulp", "weigert")),
    ("Hij verhuisde drie maanden geleden.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Studente, net op kamers in Groningen.", ("sig_duur", "kort")),
    ("Sinds de bevalling ziet ze niemand.", ("sig_levensgebeurtenissen", "geboorte_kind")),
    ("Vrouw is in de zomer overleden.", ("sig_levensgebeurtenissen", "overlijden_partner")),
    ("Vrouw is in de zomer overleden.", ("sig_duur", "maanden")),
    ("Vrouw, 41, uit Eritrea.", ("sig_levensgebeurtenissen", "migratie")),
    ("Sinds zijn ontslag (maart) zit hij thuis.", ("sig_duur", "maanden")),
    ("Zelf komt ze nergens meer, ook niet op de handwerkclub.", ("sig_deelname", "geen")),
    ("Ze gaat elke dag naar de markt en naar de vrouwengroep van de moskee.",
     ("sig_deelname", "georganiseerde_activiteit")),
    ("Ze zit in een wandelclub.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Ze heeft leuke collega's.", ("sig_deelname", "betaald_werk")),
    ("Sinds de verhuizing ziet ze bijna niemand meer.", ("sig_contacten", "weinig")),
    ("Hij heeft al jaren nauwelijks contacten.", ("sig_contacten", "weinig")),
    ("Mevrouw praat met iedereen.", ("sig_contacten", "regelmatig")),
    ("Ze past twee keer per week op de kleinkinderen.", ("sig_contacten", "regelmatig")),
    ("Ze zegt dat ze zich heel eenzaam voelt en het huis bijna niet meer uitkomt.", ("sig_zegt_eenzaam", "ja")),
    ("Hij zegt: 'ik ben heel alleen hier, niemand om mee te praten.'", ("sig_zegt_eenzaam", "ja")),
    # A quote of the person, or of a relative about the person, stays the person's
    ("Mevrouw Aksoy (80) zei tegen haar dochter: 'ik voel me zo eenzaam.'", ("sig_zegt_eenzaam", "ja")),
    ("Mevrouw Aksoy (80). 'Ik voel me zo eenzaam,' zei ze tegen haar dochter.", ("sig_zegt_eenzaam", "ja")),
    ("Mevrouw Aksoy (80). Haar dochter vertelde: 'mama is heel somber.'", ("sig_signalen", "somberheid")),
    # "ik" in a relative clause is the writer, not the subject of the main clause
    ("Een man van 24 die ik begeleid hoort sinds twee weken stemmen. Hij slaapt slecht en hij eet weinig.",
     ("sig_problemen", "psychische_problemen")),
    # a later clause with its own subject does not negate what came before
    ("Hij komt zijn kamer niet meer uit en zijn vrienden bereikt hij niet meer.", ("sig_signalen", "komt_niet_buiten")),
    # seventeenth session: loneliness in turned-round word order, compounds and with more words in between
    ("Mevrouw (70) zei: 'Sinds Jan er niet meer is, voel ik me 's avonds ontzettend eenzaam.'",
     ("sig_zegt_eenzaam", "ja")),
    ("Hij zegt: 'tussen al die mensen ben ik eenzaam.'", ("sig_zegt_eenzaam", "ja")),
    ("'Dan voel ik me echt doodeenzaam,' zegt hij.", ("sig_zegt_eenzaam", "ja")),
    ("'Sinds Truus er niet meer is, ben ik 's avonds eenzamer dan ooit,' zei hij.", ("sig_zegt_eenzaam", "ja")),
    ("Tegen de POH zei hij dat hij zich al zijn hele leven eenzaam voelt.", ("sig_zegt_eenzaam", "ja")),
    ("Studente, 19. Voelt zich 'echt heel erg alleen hier'.", ("sig_zegt_eenzaam", "ja")),
    ("Zelf zegt hij dat hij zich niet alleen voelt.", ("sig_zegt_eenzaam", "nee")),
    ("Zelf zegt ze: 'ik ben het alleen zijn gewend, ik mis niks.'", ("sig_zegt_eenzaam", "nee")),
    ("Hij ontkent dat hij iets mist, maar zijn vrouw vindt hem stil.", ("sig_zegt_eenzaam", "nee")),
    ("Hij zei: 'Eenzaam zou ik het nog niet noemen.'", ("sig_zegt_eenzaam", "nee")),
    # seventeenth session: taking part and work in more everyday words (sets 19 and 20)
    ("Ze is heel actief: vrijwilligerswerk in de bibliotheek, bridge op maandag.",
     ("sig_deelname", "vrijwilligerswerk")),
    ("Meneer zit in de kerkenraad.", ("sig_deelname", "vrijwilligerswerk")),
    ("Op woensdag gaat hij naar voetbal.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Woensdagavond gaat ze nog wel naar de scouting.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Finn (14) speelt hockey en gamet met vrienden.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Dhr. Verhoef, 63 jr, zzp-timmerman.", ("sig_deelname", "betaald_werk")),
    ("Hij werkt 's nachts als schoonmaker in een distributiecentrum.", ("sig_deelname", "betaald_werk")),
    ("Ze werkt 2 avonden pw in de supermarkt.", ("sig_deelname", "betaald_werk")),
    ("Baan kwijt bij de drukkerij, doet verder niks, geen club of zo.", ("sig_deelname", "geen")),
    ("Hij was penningmeester van de volkstuinvereniging, maar is er sindsdien niet meer geweest.",
     ("sig_deelname", "geen")),
    ("Werkt niet (WIA).", ("sig_deelname", "geen")),
    ("Werk of opleiding heeft hij niet.", ("sig_deelname", "geen")),
    ("Van de dagbesteding is hij vorig jaar na een ruzie weggegaan.", ("sig_deelname", "geen")),
    ("Hij zat altijd op voetbal, maar is daar na de zomer mee gestopt.", ("sig_deelname", "geen")),
    ("Hij was de gangmaker van de carnavalsvereniging, maar daar durft hij nu niet meer heen.",
     ("sig_deelname", "geen")),
    ("Hij heeft de sportschool opgezegd.", ("sig_deelname", "geen")),
    ("Haar vrijwilligerswerk bij de kringloop heeft ze vorige maand opgegeven.", ("sig_deelname", "geen")),
    # eighteenth session (sets 21 and 22): ggz problems and addiction in other words
    ("Mevrouw heeft een bipolaire stoornis en leeft erg op zichzelf.", ("sig_problemen", "psychische_problemen")),
    ("Hij belt steeds de politie dat de bovenburen hem bespioneren.", ("sig_problemen", "psychische_problemen")),
    ("Ze schrijft de woningbouw dat iemand haar vergiftigt via het water.", ("sig_problemen", "psychische_problemen")),
    ("De drank is bij hem het grootste probleem.", ("sig_problemen", "verslaving")),
    ("Meneer drinkt al vanaf 's morgens.", ("sig_problemen", "verslaving")),
    ("Zelf zegt ze: 'eenzaam? welnee.'", ("sig_zegt_eenzaam", "nee")),
    ("Ze drinkt al sinds haar 16e.", ("sig_problemen", "verslaving")),
    ("Hij drinkt al zolang we hem kennen.", ("sig_problemen", "verslaving")),
    ("Hij is ervan overtuigd dat de overburen gas door de brievenbus pompen.",
     ("sig_problemen", "psychische_problemen")),
    # eighteenth session (set 24, measured fresh first): the attitude to help in everyday words
    ("Volgens haar hoeft niemand zich met haar te bemoeien.", ("sig_houding_hulp", "weigert")),
    ("Ze wil echt 'geen bemoeials' in huis.", ("sig_houding_hulp", "weigert")),
    ("Hij heeft geen zin in een gesprek met de hulpverlening.", ("sig_houding_hulp", "weigert")),
    ("Het wijkteam mag er niet bij komen, zegt ze.", ("sig_houding_hulp", "weigert")),
    ("Ze wil niet dat we haar aanmelden bij de dagbesteding.", ("sig_houding_hulp", "weigert")),
    ("Hij wil liever met rust gelaten worden.", ("sig_houding_hulp", "weigert")),
    ("Over een maatje wil hij nog even nadenken.", ("sig_houding_hulp", "twijfelt")),
    ("Of ze naar de inloop wil, daar is ze nog niet uit.", ("sig_houding_hulp", "twijfelt")),
    ("Als het eerst thuis kan, staat hij er zeker voor open.", ("sig_houding_hulp", "open")),
    ("Als er iemand op de koffie komt, vindt ze dat prima.", ("sig_houding_hulp", "open")),
    ("Een praatgroep ziet hij wel zitten.", ("sig_houding_hulp", "open")),
    # eighteenth session (sets 23 and 24, measured fresh first): life events in everyday words
    ("Van de wandelgroep zijn er dit jaar drie overleden.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Zus is overl. in 2022.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Sinds haar oma vorig jaar stierf, zit ze veel binnen.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Hij verloor twee jaar geleden zijn jongste zoon.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Ze vertelde over de begrafenis van haar vriendin.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Haar vriendinnen van de kerk zijn overleden of kunnen niet meer komen.",
     ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Sinds zijn vrouw drie jaar terug vertrok, woont hij alleen.", ("sig_levensgebeurtenissen", "scheiding")),
    ("Hij woont sinds de scheiding in een appartement boven de bakker.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Toen raakte ze ook haar werk bij de thuiszorg kwijt.", ("sig_levensgebeurtenissen", "baanverlies")),
    ("Sinds haar heupbreuk komt ze weinig buiten.", ("sig_levensgebeurtenissen", "ziekte")),
    ("Ze kregen in maart een tweeling.", ("sig_levensgebeurtenissen", "geboorte_kind")),
    ("Hij kwam vorig jaar met zijn broer uit Eritrea naar Nederland.", ("sig_levensgebeurtenissen", "migratie")),
    # eighteenth session (sets 23 and 24): signals in everyday words
    ("Sinds de operatie komt hij amper nog buiten.", ("sig_signalen", "komt_niet_buiten")),
    ("Volgens de buurman komt ze 'nooit meer buiten'.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij verlaat zijn flat bijna nooit.", ("sig_signalen", "komt_niet_buiten")),
    ("Ze komt al maanden amper uit haar kamer.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij zit sinds de zomer vooral op zijn kamer.", ("sig_signalen", "komt_niet_buiten")),
    ("Sinds de val kan ze haar flat niet meer uit.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij ligt 's nachts vaak wakker.", ("sig_signalen", "slecht_slapen")),
    ("Ze drinkt sinds de scheiding steeds meer wijn.", ("sig_signalen", "alcoholgebruik")),
    ("Hij heeft zijn vrienden een voor een weggejaagd.", ("sig_signalen", "houdt_afstand")),
    ("Na school verdwijnt ze meteen naar haar kamer.", ("sig_signalen", "houdt_afstand")),
    ("Hij voelt zich 'een buitenstaander en alleen'.", ("sig_zegt_eenzaam", "ja")),
    ("Ze zegt dat ze zich op feestjes toch vaak alleen voelt.", ("sig_zegt_eenzaam", "ja")),
    ("'Druk genoeg om me heen, maar wel eenzaam,' zegt hij.", ("sig_zegt_eenzaam", "ja")),
    ("Mevrouw leeft sinds de scheiding volkomen teruggetrokken.", ("sig_signalen", "houdt_afstand")),
    # nineteenth session (sets 25 and 26, measured fresh first): contacts that are only paid helpers
    ("Ze heeft alleen nog contact met haar ggz-begeleider.", ("sig_contacten", "alleen_functioneel")),
    ("Alleen de pakketbezorger komt nog.", ("sig_contacten", "alleen_functioneel")),
    ("Buiten die bewindvoerder spreekt hij al jaren niemand.", ("sig_contacten", "alleen_functioneel")),
    ("Ze gaat naar de apotheek en de huisarts, verder nergens heen.", ("sig_contacten", "alleen_functioneel")),
    ("Zijn enige contacten zijn z'n bewindvoerder en de buurtsuper.", ("sig_contacten", "alleen_functioneel")),
    # life events, problems and signals in everyday words
    ("Chronische pijn; man is vorig jaar vertrokken.", ("sig_levensgebeurtenissen", "scheiding")),
    ("Zijn maten van de sportclub overlijden een voor een.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Van haar oude vriendinnen leeft alleen Toos nog.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Sinds de baby er is, ziet hij zijn vrienden amper.", ("sig_levensgebeurtenissen", "geboorte_kind")),
    ("Na de scheiding woont hij nu in een flatje aan de rand van de stad.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Ze is voor het werk van haar man naar Emmen verhuisd.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Er zijn twee huurachterstanden.", ("sig_problemen", "schulden")),
    ("Hij zit al jaren aan de fles.", ("sig_problemen", "verslaving")),
    ("Ze heeft veel rugklachten.", ("sig_problemen", "gezondheid")),
    ("Hij gaat steeds slechter horen.", ("sig_problemen", "gezondheid")),
    ("Sinds het ontslag zit hij vooral thuis.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij komt al maanden zijn flat nauwelijks uit.", ("sig_signalen", "komt_niet_buiten")),
    ("Ze verlaat sinds de zomer zelden haar huis.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij is gestopt met zaalhockey.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Sinds de val gaat ze nergens meer heen.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Hij slaat de koffieochtend nu vaak over.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("We zien hem sinds kort niet meer in de huiskamer.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Sinds een week slaapt hij nauwelijks.", ("sig_signalen", "slecht_slapen")),
    ("Ze eet bijna niets meer.", ("sig_signalen", "slecht_eten")),
    ("Hij klaagt over moeheid.", ("sig_signalen", "vermoeidheid")),
    ("De gordijnen zijn volgens de buurman al dagen dicht.", ("sig_signalen", "gordijnen_dicht")),
    ("De tuin is een oerwoud.", ("sig_signalen", "tuin_verwaarloosd")),
    ("Ze zegt alle afspraken met vriendinnen af.", ("sig_signalen", "houdt_afstand")),
    ("Ze ziet het nut van het leven niet meer.", ("sig_signalen", "zinloosheid")),
    # what a relative says or sees about the person is about the person
    ("Zijn vrouw zegt dat hij somber is.", ("sig_signalen", "somberheid")),
    ("Haar dochter vertelt dat ze veel huilt.", ("sig_signalen", "verdriet")),
    # the attitude to help and saying to be lonely, in everyday words
    ("Hij houdt de boot af als het over hulp gaat.", ("sig_houding_hulp", "weigert")),
    ("Als ik over de inloop begin, wuift ze het weg.", ("sig_houding_hulp", "weigert")),
    ("Ze wil geen maatje.", ("sig_houding_hulp", "weigert")),
    ("Hij staat wisselend tegenover hulp.", ("sig_houding_hulp", "twijfelt")),
    ("Ze zou best een vrijwilliger aan huis willen.", ("sig_houding_hulp", "open")),
    ("Een keer meegaan wil ze wel.", ("sig_houding_hulp", "open")),
    ("Hij wil eigenlijk wel weer iets doen.", ("sig_houding_hulp", "open")),
    ("Eenzaamheidsgevoelens worden door mevrouw ontkend.", ("sig_zegt_eenzaam", "nee")),
    ("Hij zegt dat hij geen vrienden mist.", ("sig_zegt_eenzaam", "nee")),
    ("Ze zegt dat ze vroeger eenzaam was, maar nu niet meer.", ("sig_zegt_eenzaam", "nee")),
    ("Eenzaam? 'Soms wel,' zegt hij.", ("sig_zegt_eenzaam", "ja")),
    ("Ze zei dat ze zich vaak eenzaam voeld.", ("sig_zegt_eenzaam", "ja")),
    # ages: an old man, 12 to 25 is young (the facet definitions), "(m, 38)"
    ("Oude man, zit elke dag alleen op het bankje.", ("sig_leeftijdsgroep", "oudere")),
    ("Jongen van 24, woont nog thuis.", ("sig_leeftijdsgroep", "jongere")),
    ("Vrouw van 26, woont alleen.", ("sig_leeftijdsgroep", "volwassene")),
    ("Cliënt (m, 38) woont alleen.", ("sig_leeftijdsgroep", "volwassene")),
    # nineteenth session (sets 27 and 28, measured fresh first)
    ("Zijn vaste kaartmaatje is vorige maand overleden.", ("sig_levensgebeurtenissen", "overlijden_naaste")),
    ("Sinds ze uit haar kamer is gezet, woont ze weer bij haar ouders.", ("sig_levensgebeurtenissen", "verhuizing")),
    ("Ze heeft chronische nekpijn.", ("sig_problemen", "gezondheid")),
    ("De woning staat tot aan het plafond vol.", ("sig_problemen", "verwaarlozing")),
    ("Hij heeft een depressie, was in behandeling maar is daar mee gestopt.",
     ("sig_problemen", "psychische_problemen")),
    ("Ze slikt steeds meer pijnstillers.", ("sig_signalen", "medicijngebruik")),
    ("Het zangkoor is opgeheven, dus daar gaat ze ook niet meer heen.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Hij komt de deur niet uit, ook niet naar de kerk.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Met de dagbesteding is hij vorig jaar gestopt.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("De volkstuin laat hij nu schieten.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("De koffie na de dienst slaat ze steeds vaker over.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Ze vertelde dat ze zich 'erg alleen' voelt.", ("sig_zegt_eenzaam", "ja")),
    ("Hij schreef dat hij zich altijd eenzaam heeft gevoeld.", ("sig_zegt_eenzaam", "ja")),
    ("Als ik over de POH begin, wil hij er niets van weten.", ("sig_houding_hulp", "weigert")),
    ("Dagbesteding wil hij absoluut niet.", ("sig_houding_hulp", "weigert")),
    ("Naar de psycholoog wil ze niet.", ("sig_houding_hulp", "weigert")),
    ("Hij zegt dat hij geen 'bemoeials' in huis wil.", ("sig_houding_hulp", "weigert")),
    ("Ze vroeg zelf naar een maatje.", ("sig_houding_hulp", "open")),
    ("Als ik meega, wil hij wel een keer naar de inloop.", ("sig_houding_hulp", "open")),
    # sets 29 and 30 (measured fresh first); "en niet weet" negates the new verb, not the feeling
    ("Ze zegt dat ze zich heel eenzaam voelt en niet weet hoe ze contact maakt.", ("sig_zegt_eenzaam", "ja")),
    ("Ze vertelde dat ze een angststoornis heeft en al twee jaar niet buiten is geweest.",
     ("sig_problemen", "psychische_problemen")),
    ("Hij haalt al jaren antidepressiva bij de apotheek.", ("sig_problemen", "psychische_problemen")),
    ("Behalve het FACT-team ziet ze niemand.", ("sig_contacten", "alleen_functioneel")),
    ("Volgens mij zijn wij de enigen met wie hij praat.", ("sig_contacten", "alleen_functioneel")),
    ("Ze zei: 'Ik voel me hier zo verloren en eenzaam.'", ("sig_zegt_eenzaam", "ja")),
    ("Op de klaverjasavond komt hij ook niet meer.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Hij is al weken niet meer op judo geweest.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("In de kerk zien ze hem niet meer.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("De koersbal slaat ze de laatste weken vaker over.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Ze komt nauwelijks nog van het erf.", ("sig_signalen", "komt_niet_buiten")),
    ("Ze haalt steeds vaker slaapmiddelen.", ("sig_signalen", "medicijngebruik")),
    # found by trying descriptions over REST: open to trying, a job after "is", spying since a few days
    ("Een maatje wil ze wel proberen.", ("sig_houding_hulp", "open")),
    ("Hij vertelde me dat hij zich sinds zijn scheiding vorig jaar vaak eenzaam voelt.", ("sig_zegt_eenzaam", "ja")),
    ("Pieter (45) is leraar en zingt in een koor.", ("sig_deelname", "betaald_werk")),
    ("Sinds een paar dagen denkt hij dat de buren hem bespioneren.", ("sig_problemen", "psychische_crisis")),
    # twentieth session (sets 31 to 34, measured fresh first), in my own words: few contacts
    ("Haar vriendinnen spreken haar bijna niet meer.", ("sig_contacten", "weinig")),
    ("Ze ziet haar vriendinnen een stuk minder sinds de baby er is.", ("sig_contacten", "weinig")),
    ("Hij heeft vrijwel geen vrienden.", ("sig_contacten", "weinig")),
    ("Haar vriendinnen zijn na de verhuizing een voor een afgehaakt.", ("sig_contacten", "weinig")),
    ("Hij ziet zijn dochter om het andere weekend.", ("sig_contacten", "weinig")),
    ("Haar zus ziet ze eens per twee weken.", ("sig_contacten", "weinig")),
    ("Ze praat eigenlijk alleen met haar zus.", ("sig_contacten", "weinig")),
    ("Ik ben de enige die nog op bezoek komt.", ("sig_contacten", "weinig")),
    ("Hij reageert niet meer op zijn vrienden.", ("sig_contacten", "weinig")),
    # only helpers
    ("Hij heeft niemand meer behalve zijn bewindvoerder.", ("sig_contacten", "alleen_functioneel")),
    ("Buiten de taalcoach spreekt ze eigenlijk niemand.", ("sig_contacten", "alleen_functioneel")),
    ("De wijkagent en de huisarts zijn de enigen die hem nog zien.", ("sig_contacten", "alleen_functioneel")),
    ("Contact loopt alleen nog via de bewindvoerder.", ("sig_contacten", "alleen_functioneel")),
    ("Enige contact: de pakketbezorger.", ("sig_contacten", "alleen_functioneel")),
    ("Hij praat alleen met de straatwerker.", ("sig_contacten", "alleen_functioneel")),
    # how long, taking part in nothing
    ("Ze zit al ruim een jaar thuis.", ("sig_duur", "jaren")),
    ("Hij is zonder werk sinds de fabriek dichtging.", ("sig_deelname", "geen")),
    ("Ze heeft nooit betaald werk gehad.", ("sig_deelname", "geen")),
    ("Zijn studie ligt al maanden stil.", ("sig_deelname", "geen")),
    ("Haar werk als kapster kan ze niet meer doen.", ("sig_deelname", "geen")),
    ("Op de soos komt hij nooit meer.", ("sig_deelname", "geen")),
    ("Hij bedankt voor elke activiteit.", ("sig_deelname", "geen")),
    # keeping others away
    ("Ze doet al weken voor niemand de deur open.", ("sig_signalen", "houdt_afstand")),
    ("Hij liet ons niet binnen.", ("sig_signalen", "houdt_afstand")),
    ("Hij groet de buren niet.", ("sig_signalen", "houdt_afstand")),
    ("Als je hem aanspreekt kijkt hij weg.", ("sig_signalen", "houdt_afstand")),
    ("Ze ontloopt haar oude vriendinnen.", ("sig_signalen", "houdt_afstand")),
    ("Hij heeft zich in zijn kamer opgesloten.", ("sig_signalen", "houdt_afstand")),
    ("Hij stuurt iedereen aan de deur weg.", ("sig_signalen", "houdt_afstand")),
    ("Ze is helemaal in zichzelf gekeerd.", ("sig_signalen", "houdt_afstand")),
    # attitude to help
    ("Ze weigerde elke vorm van hulp.", ("sig_houding_hulp", "weigert")),
    ("De wijkverpleging krijgt geen voet tussen de deur.", ("sig_houding_hulp", "weigert")),
    ("Naar een psychiater wil hij echt niet.", ("sig_houding_hulp", "weigert")),
    ("Van instanties wil ze niks weten.", ("sig_houding_hulp", "weigert")),
    ("Bij het aanbod van een maatje werd hij boos.", ("sig_houding_hulp", "weigert")),
    ("Jullie hoeven niet meer te komen, zei ze.", ("sig_houding_hulp", "weigert")),
    ("Hulp voor zichzelf wil hij niet.", ("sig_houding_hulp", "weigert")),
    ("Hij wil geen hoortoestel.", ("sig_houding_hulp", "weigert")),
    ("Of ze hulp wil bij de administratie weet ze nog niet.", ("sig_houding_hulp", "twijfelt")),
    ("Als ik de inloop noem, haalt hij zijn schouders op.", ("sig_houding_hulp", "twijfelt")),
    ("Een maatje wil hij 'misschien later'.", ("sig_houding_hulp", "twijfelt")),
    ("Afspraken komt hij zelden na.", ("sig_houding_hulp", "twijfelt")),
    # not lonely, in the person's words; a new clause after "en door"
    ("'Eenzaam ben ik echt niet,' lacht ze.", ("sig_zegt_eenzaam", "nee")),
    ("Ze voelt zich naar eigen zeggen (nog) niet eenzaam.", ("sig_zegt_eenzaam", "nee")),
    ("'Ik heb geen tijd om eenzaam te zijn,' lacht ze.", ("sig_zegt_eenzaam", "nee")),
    ("Hij geeft zelf aan zich niet eenzaam te voelen.", ("sig_zegt_eenzaam", "nee")),
    ("Sporten lukt niet meer en door de pijn slaapt hij slecht.", ("sig_signalen", "slecht_slapen")),
    # sets 35 and 36 (measured fresh first)
    ("Zijn zus komt op zondag, verder ziet zijn opa niemand.", ("sig_contacten", "weinig")),
    ("Behalve zijn broer, die hij elke week belt, heeft hij niemand.", ("sig_contacten", "weinig")),
    ("Zijn klasgenoten appen hem haast nooit meer.", ("sig_contacten", "weinig")),
    ("Hij woont alleen, zonder vaste contacten.", ("sig_contacten", "weinig")),
    ("Haar vriendinnen zijn na de scheiding weggebleven.", ("sig_contacten", "weinig")),
    ("Hij spreekt vooral alleen zijn collega's.", ("sig_contacten", "weinig")),
    ("Hij spreekt niet meer af met zijn vrienden.", ("sig_contacten", "weinig")),
    ("Daarbuiten ziet ze eigenlijk niemand.", ("sig_contacten", "weinig")),
    ("Sinds de val gaat ze bijna niet meer de deur uit.", ("sig_signalen", "komt_niet_buiten")),
    ("Hij gaat twee middagen per week met veel zin naar de dagbesteding.",
     ("sig_deelname", "georganiseerde_activiteit")),
    ("Sinds hij bij de schaakvereniging speelt, is hij vrolijker.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Op de soos, waar hij elke vrijdag heen gaat, kaart hij graag.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Ze komt elke middag naar de huiswerkklas.", ("sig_deelname", "georganiseerde_activiteit")),
    ("Ze gaat daarom bijna nergens meer heen.", ("sig_deelname", "geen")),
    ("Hij is op zijn vijftiende van school gegaan.", ("sig_deelname", "geen")),
    ("Vrienden of een dagbesteding heeft ze niet.", ("sig_deelname", "geen")),
    ("Hij weet niet wat hij met zijn dagen moet.", ("sig_deelname", "geen")),
    # tried over REST: "daar komt hij nooit meer" after the club he used to go to
    ("Vroeger zong ze in het koor, maar daar komt ze nooit meer.", ("sig_signalen", "niet_meer_bij_activiteiten")),
    ("Vroeger zong ze in het koor, maar daar komt ze nooit meer.", ("sig_deelname", "geen")),
])
def test_gewone_woorden_worden_gelezen(tekst, wel):
    assert wel in gelezen(tekst)


def test_elke_vermelding_zegt_uit_welke_woorden_ze_komt():
    tekst = "Mevrouw (82) voelt zich héél eenzaam. Psychische problemen zijn er niet."
    slots = casus.lees(tekst)
    samenvatting = casus.samenvatting(slots, casus.vermeldingen(tekst))
    assert samenvatting == ("Dit heb ik begrepen:\n"
                            "- Zegt zelf eenzaam te zijn: ja ('voelt zich heel eenzaam')\n"
                            "- Leeftijd: oudere ('(82)')\n"
                            "- Signalen: zegt zich eenzaam te voelen ('voelt zich heel eenzaam')")


def test_na_iemand_anders_is_de_persoon_weer_onderwerp_bij_een_enkelvoudig_werkwoord():
    tekst = "Haar kinderen wonen ver weg en ze komt de deur niet meer uit."
    assert ("sig_signalen", "komt_niet_buiten") in gelezen(tekst)
    assert ("sig_problemen", "verslaving") not in gelezen("Zijn zoons wonen in de buurt en ze drinken veel.")


def test_misschien_wel_is_nog_steeds_een_vermoeden():
    assert ("sig_problemen", "psychische_problemen") not in gelezen("Hij is misschien wel depressief.")


def test_ontkent_na_de_vermelding_is_een_ontkenning():
    assert ("sig_signalen", "zinloosheid") not in gelezen("Suïcidale gedachten ontkent hij.")
    assert "zinloosheid" not in casus.lees("Suïcidale gedachten ontkent hij.").get("sig_signalen", [])


def test_wat_iemand_anders_over_zichzelf_zegt_in_een_citaat_telt_niet():
    tekst = "Mw. Kramer (16). Haar moeder zei tegen mij: 'ik voel me zo alleen sinds mijn vriend weg is.'"
    assert ("sig_zegt_eenzaam", "ja") not in gelezen(tekst)
    tekst = "Dhr. Bos (70) is met pensioen. 'Ik ben zo eenzaam sinds hij thuis is,' zei zijn vrouw tegen mij."
    assert ("sig_zegt_eenzaam", "ja") not in gelezen(tekst)
    assert ("sig_problemen", "verslaving") not in gelezen("Dhr. Smit (77). Zijn buurman zei: 'ik drink te veel.'")



def test_na_een_bijzin_is_de_familielid_ook_onderwerp_van_de_hoofdzin():
    tekst = "Mw. Vos (70). Haar zoon, die bij haar inwoont, heeft al jaren een gokverslaving."
    assert ("sig_problemen", "verslaving") not in gelezen(tekst)
    tekst = "Mw. Vos (70). Haar buurvrouw Els, met wie ze elke dag wandelde, is naar Zwolle verhuisd."
    assert ("sig_levensgebeurtenissen", "verhuizing") not in gelezen(tekst)


def test_na_de_hoofdzin_van_het_familielid_is_een_nieuw_onderwerp_weer_de_persoon():
    tekst = "Mw. Vos (70). Haar man, die al jaren gokt, heeft het geld opgemaakt en de schulden staan op haar naam."
    assert ("sig_problemen", "schulden") in gelezen(tekst)


def test_hoe_lang_het_probleem_van_een_familielid_duurt_is_niet_de_duur_van_de_persoon():
    assert ("sig_duur", "jaren") not in gelezen("Mw. Vos (72). Haar zoon heeft al jaren een gokverslaving.")
    assert ("sig_duur", "jaren") not in gelezen("Mw. Vos (72). Haar zoon, die vlak bij haar woont, drinkt al jaren.")
    assert ("sig_duur", "jaren") in gelezen("Dhr. Bos (80). Zijn vrouw is al twee jaar dood.")
    assert ("sig_duur", "maanden") in gelezen("Dhr. Bos (80). Zijn vrouw is vorig jaar overleden.")


def test_hoe_lang_de_schrijver_de_persoon_bezoekt_is_niet_de_duur_van_de_persoon():
    assert ("sig_duur", "kort") not in gelezen("Ik ben sinds kort maatje van een man van 80.")
    assert ("sig_duur", "jaren") not in gelezen("Ik bezoek mevrouw Vos al twee jaar, sinds vorige maand huilt ze veel.")
    assert ("sig_duur", "jaren") in gelezen("Ik ben al jaren eenzaam.")
    assert ("sig_duur", "jaren") in gelezen("Ik ben sinds kort haar maatje. Ze woont al jaren alleen.")
    # twentieth session (sets 31 to 34): "ik kom", a longer time, and "en bezoek" without "ik"
    assert "sig_duur" not in casus.lees("Ik kom nu een half jaar wekelijks bij mevrouw Prins (84).")
    assert "sig_duur" not in casus.lees("Ik ben sinds een half jaar maatje van Henk (61).")
    assert "sig_duur" not in casus.lees("Ik ben vrijwilliger bij de ouderenbond en bezoek sinds kort meneer Dijkstra.")


@pytest.mark.parametrize("tekst", [
    "Piet (60) werkte als zzp'er in de bouw tot hij van een steiger viel.",
    "Ze vraagt of er in de buurt een koor of wandelgroep is.",
    "Het werkt niet, zegt ze.",
    "Hij werkt niet meer mee aan de behandeling.",
    "Haar zoon speelt hockey.",
    "Zijn vrouw werkt als verpleegkundige.",
])
def test_meedoen_van_vroeger_van_een_ander_of_als_wens_telt_niet(tekst):
    assert not {waarde for slot, waarde in gelezen(tekst) if slot == "sig_deelname"}


def test_hoe_lang_geleden_is_geen_leeftijd():
    # "ws 2 jr terug" (set 24) was read as the age of a child
    assert not {w for s, w in gelezen("Haar broer is overleden, ws 2 jr terug.") if s == "sig_leeftijdsgroep"}
    # nor a score on a scale (set 27)
    score = gelezen("Wat betekent een score van 3 op de schaal voor mw. P?")
    assert not {w for s, w in score if s == "sig_leeftijdsgroep"}


def test_wantrouwen_alleen_is_geen_psychisch_probleem():
    # sets 22 and 23 (written apart): someone who distrusts everyone is not thereby a ggz case
    assert ("sig_problemen", "psychische_problemen") not in gelezen("Hij wantrouwt iedereen die aanbelt.")
    assert ("sig_signalen", "houdt_afstand") in gelezen("Hij wantrouwt iedereen die aanbelt.")


def test_de_enige_hulpverlener_is_geen_beroep_van_de_persoon():
    assert ("sig_deelname", "betaald_werk") not in gelezen("Haar enige contact is de huisarts.")
