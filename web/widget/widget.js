/*
 * Chatwidget van de eenzaamheid-assistent.
 *
 * Insluiten op een intranetpagina (zie README, "Channels and deployment"):
 *
 *   <script>window.eenzaamheidWidget = { server: "https://assistent.intranet.example.nl" };</script>
 *   <script src="https://assistent.intranet.example.nl/widget/widget.js" defer></script>
 *
 * Instellingen (alle optioneel):
 *   server              adres van de Rasa-server (standaard: deze pagina)
 *   socketPath          pad van socket.io op die server ("/socket.io/")
 *   bewaartermijnDagen  bewaartermijn in de privacymelding (90)
 *   begroeting          wat een nieuw gesprek opent ("/begroeten"; null: niets)
 *   token               JWT, of een functie die er een geeft (of een Promise
 *                       daarvan), als de server er een vraagt: met
 *                       WIDGET_JWT_SECRET een JWT van het intranet, met
 *                       aanmelden via de organisatie (OIDC_ISSUER) het
 *                       ID-token van de aangemelde medewerker. Een functie
 *                       wordt bij elke (nieuwe) verbinding opnieuw gevraagd.
 *
 * Geen build-stap: dit bestand, widget.css en vendor/socket.io.min.js (de
 * socket.io v4-client uit node_modules) worden zo geserveerd. Tekst van de
 * server komt nooit als HTML in de pagina: alleen via textContent, met eigen
 * elementen voor regels, lijstjes, links en knoppen. Een document van de
 * assistent (actieplan, oefenverslag) wordt een kaartje om te downloaden, te
 * kopiëren of als tekst te bekijken. De browser bewaart
 * alleen het gespreksnummer, en alleen zolang dit tabblad open is
 * (sessionStorage): wie daarna aan dezelfde pc gaat zitten, ziet het gesprek
 * niet. De eerdere berichten stuurt de server bij het verbinden opnieuw (al
 * ontdaan van namen en andere gegevens), alleen als de sessie niet verlopen is.
 */
(function () {
  "use strict";

  if (window.__eenzaamheidWidget) {
    return;
  }
  window.__eenzaamheidWidget = true;

  var script = document.currentScript;
  var basis = script && script.src ? new URL(".", script.src).href : "";
  var cfg = Object.assign(
    {
      server: "",
      socketPath: "/socket.io/",
      titel: "Eenzaamheid-assistent",
      ondertitel: "Voor professionals. Een digitale assistent, geen mens.",
      bewaartermijnDagen: 90,
      begroeting: "/begroeten",
      token: null,
      opslagSleutel: "eenzaamheid-widget:gesprek"
    },
    window.eenzaamheidWidget || {}
  );

  var ANTWOORD_TIMEOUT_MS = 30000;
  var OPNIEUW_AANMELDEN_MS = 30000;
  var MAX_TEKENS = 2000;

  // ---- opslag: alleen het gespreksnummer en of het paneel open stond ----

  function lees(opslag, sleutel) {
    try {
      return window[opslag].getItem(sleutel);
    } catch (e) {
      return null;
    }
  }

  function schrijf(opslag, sleutel, waarde) {
    try {
      if (waarde === null) {
        window[opslag].removeItem(sleutel);
      } else {
        window[opslag].setItem(sleutel, waarde);
      }
    } catch (e) {
      /* privé-venster zonder opslag: het gesprek duurt dan tot de volgende reload */
    }
  }

  // ---- DOM-hulp: elementen maken zonder innerHTML ----

  function el(tag, attributen, tekst) {
    var node = document.createElement(tag);
    Object.keys(attributen || {}).forEach(function (naam) {
      var waarde = attributen[naam];
      if (waarde === true) {
        node.setAttribute(naam, "");
      } else if (waarde !== false && waarde !== null && waarde !== undefined) {
        node.setAttribute(naam, String(waarde));
      }
    });
    if (tekst !== undefined && tekst !== null) {
      node.textContent = String(tekst);
    }
    return node;
  }

  function icoon(pad) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "24");
    svg.setAttribute("height", "24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", pad);
    p.setAttribute("fill", "currentColor");
    svg.appendChild(p);
    return svg;
  }

  // ---- tekst van de server veilig weergeven ----

  // Links: [tekst](https://...), https://..., www...., domeinnamen (113.nl)
  // en telefoonnummers (0800-0113, ook met een spatie: 088-0767 000). Alles wat geen link wordt, is tekst.
  var INLINE = new RegExp(
    [
      "\\[([^\\]\\n]{1,200})\\]\\((https?:\\/\\/[^\\s)]+)\\)",
      "(https?:\\/\\/[^\\s<>\"']+)",
      "(www\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:\\/[^\\s<>\"']*)?)",
      "\\b((?:[a-z0-9-]+\\.)+(?:nl|org|com|eu|info)(?:\\/[^\\s<>\"']*)?)(?![\\w.-]*[a-z0-9])",
      "(?:^|(?<=[\\s(]))(0\\d{2,3}-\\d{3,7}(?: \\d{3,4}(?!\\d))?|0\\d{9})\\b",
      "(?<=\\bbel )(11[23])\\b"
    ].join("|"),
    "gi"
  );

  function veiligeUrl(adres) {
    try {
      var url = new URL(adres);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(ouder, tekst, href, extern) {
    var a = el("a", { href: href }, tekst);
    if (extern) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(el("span", { class: "sr-only" }, " (opent in een nieuw venster)"));
    }
    ouder.appendChild(a);
  }

  function inline(ouder, tekst) {
    var positie = 0;
    var m;
    INLINE.lastIndex = 0;
    while ((m = INLINE.exec(tekst)) !== null) {
      var gevonden = m[0];
      var href = null;
      var label = gevonden;
      var extern = true;
      var rest = "";
      if (m[1] !== undefined) {
        label = m[1];
        href = veiligeUrl(m[2]);
      } else if (m[6] !== undefined || m[7] !== undefined) {
        href = "tel:" + (m[6] || m[7]).replace(/\D/g, "");
        extern = false;
      } else {
        // leestekens aan het eind horen bij de zin, niet bij het adres
        var kaal = gevonden.replace(/[.,;:!?)]+$/, "");
        rest = gevonden.slice(kaal.length);
        label = kaal;
        href = veiligeUrl(/^https?:\/\//i.test(kaal) ? kaal : "https://" + kaal);
      }
      ouder.appendChild(document.createTextNode(tekst.slice(positie, m.index)));
      if (href) {
        link(ouder, label, href, extern);
      } else {
        ouder.appendChild(document.createTextNode(label));
      }
      if (rest) {
        ouder.appendChild(document.createTextNode(rest));
      }
      positie = m.index + gevonden.length;
    }
    ouder.appendChild(document.createTextNode(tekst.slice(positie)));
  }

  // Regels worden alinea's met regeleinden; regels die met "- ", "• " of
  // "* " beginnen een opsomming, met "1. " of "1) " een genummerde lijst.
  function tekstBlok(ouder, tekst) {
    var regels = String(tekst || "").split(/\r?\n/);
    var alinea = null;
    var lijst = null;
    regels.forEach(function (regel) {
      var punt = /^\s*[-\u2022*]\s+(.*)$/.exec(regel);
      var nummer = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(regel);
      if (punt || nummer) {
        var soort = punt ? "UL" : "OL";
        if (!lijst || lijst.tagName !== soort) {
          lijst = el(soort.toLowerCase());
          if (nummer && nummer[1] !== "1") {
            lijst.setAttribute("start", nummer[1]);
          }
          ouder.appendChild(lijst);
        }
        var item = el("li");
        inline(item, punt ? punt[1] : nummer[2]);
        lijst.appendChild(item);
        alinea = null;
        return;
      }
      lijst = null;
      if (!regel.trim()) {
        alinea = null;
        return;
      }
      if (alinea) {
        alinea.appendChild(el("br"));
      } else {
        alinea = el("p");
        ouder.appendChild(alinea);
      }
      inline(alinea, regel);
    });
  }

  // ---- de widget ----

  var host = el("div", { id: "eenzaamheid-widget", hidden: true });
  var root = host.attachShadow({ mode: "open" });
  var stijl = el("link", { rel: "stylesheet", href: basis + "widget.css" });
  stijl.addEventListener("load", function () {
    host.hidden = false;
  });
  stijl.addEventListener("error", function () {
    host.hidden = false;
  });
  root.appendChild(stijl);

  var kader = el("div", { class: "ezw", lang: "nl" });
  root.appendChild(kader);

  var opener = el("button", {
    type: "button",
    class: "opener",
    "aria-expanded": "false",
    "aria-controls": "ezw-paneel"
  });
  opener.appendChild(icoon("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"));
  opener.appendChild(el("span", {}, "Vraag de assistent"));
  kader.appendChild(opener);

  var paneel = el("section", {
    id: "ezw-paneel",
    class: "paneel",
    role: "dialog",
    "aria-modal": "false",
    "aria-labelledby": "ezw-titel",
    "aria-describedby": "ezw-privacy",
    hidden: true
  });
  kader.appendChild(paneel);

  var kop = el("header", { class: "kop" });
  kop.appendChild(el("h2", { id: "ezw-titel" }, cfg.titel));
  kop.appendChild(el("p", { class: "ondertitel" }, cfg.ondertitel));
  var nieuwKnop = el("button", { type: "button", class: "nieuw" }, "Nieuw gesprek");
  kop.appendChild(nieuwKnop);
  var sluitKnop = el("button", { type: "button", class: "sluit", "aria-label": "Chat sluiten" });
  sluitKnop.appendChild(icoon("M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"));
  kop.appendChild(sluitKnop);
  paneel.appendChild(kop);

  var privacy = el(
    "p",
    { id: "ezw-privacy", class: "privacy" },
    "Typ geen namen of andere gegevens waaraan iemand te herkennen is. Het gesprek wordt zonder zulke " +
      "gegevens bewaard, en niet langer dan " + Number(cfg.bewaartermijnDagen) + " dagen."
  );
  paneel.appendChild(privacy);

  var status = el("p", { class: "status", role: "status" });
  paneel.appendChild(status);

  var logboek = el("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    "aria-label": "Gesprek met de assistent",
    tabindex: "0"
  });
  paneel.appendChild(logboek);

  var typen = el("div", { class: "typen", role: "status" });
  paneel.appendChild(typen);

  var formulier = el("form", { class: "invoer", novalidate: true });
  formulier.appendChild(el("label", { for: "ezw-tekst", class: "sr-only" }, "Je bericht aan de assistent"));
  var invoer = el("textarea", {
    id: "ezw-tekst",
    rows: "1",
    maxlength: String(MAX_TEKENS),
    placeholder: "Typ je vraag…",
    autocomplete: "off",
    "aria-describedby": "ezw-hint"
  });
  formulier.appendChild(invoer);
  var verstuur = el("button", { type: "submit", class: "verstuur" });
  verstuur.appendChild(icoon("M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z"));
  verstuur.appendChild(el("span", {}, "Verstuur"));
  formulier.appendChild(verstuur);
  formulier.appendChild(el("p", { id: "ezw-hint", class: "sr-only" }, "Enter verstuurt, Shift en Enter begint een nieuwe regel."));
  paneel.appendChild(formulier);

  // ---- berichten ----

  // Het begin van een lang antwoord (de crisisnummers staan bovenaan) blijft
  // in beeld; anders schuift het gesprek naar het nieuwste bericht.
  var antwoordBegin = null;

  function naarOnder() {
    if (antwoordBegin && logboek.scrollHeight - antwoordBegin.offsetTop > logboek.clientHeight) {
      logboek.scrollTop = antwoordBegin.offsetTop - 8;
    } else {
      logboek.scrollTop = logboek.scrollHeight;
    }
  }

  function verwijderKnoppen() {
    Array.prototype.forEach.call(logboek.querySelectorAll(".knoppen"), function (groep) {
      groep.remove();
    });
  }

  function toonBericht(van, tekst, knoppen) {
    var bericht = el("div", { class: "bericht " + (van === "gebruiker" ? "gebruiker" : "assistent") });
    bericht.appendChild(el("span", { class: "sr-only" }, van === "gebruiker" ? "Jij: " : "Assistent: "));
    var inhoud = el("div", { class: "inhoud" });
    tekstBlok(inhoud, tekst);
    bericht.appendChild(inhoud);
    logboek.appendChild(bericht);
    if (van === "gebruiker") {
      antwoordBegin = null;
    } else if (!antwoordBegin) {
      antwoordBegin = bericht;
    }
    if (knoppen && knoppen.length) {
      var groep = el("div", { class: "knoppen", role: "group", "aria-label": "Kies een antwoord" });
      knoppen.forEach(function (knop) {
        if (!knop || !knop.title) {
          return;
        }
        var b = el("button", { type: "button", class: "knop" }, knop.title);
        b.addEventListener("click", function () {
          stuur(String(knop.payload || knop.title), String(knop.title));
        });
        groep.appendChild(b);
      });
      logboek.appendChild(groep);
    }
    naarOnder();
  }

  function toonServerBericht(bericht) {
    if (!bericht || typeof bericht !== "object") {
      return;
    }
    var knoppen = bericht.quick_replies || bericht.buttons || [];
    if (bericht.text) {
      toonBericht("assistent", bericht.text, knoppen);
    } else if (knoppen.length) {
      toonBericht("assistent", "", knoppen);
    }
    var bijlage = bericht.attachment;
    var bron = bijlage && bijlage.payload && (bijlage.payload.src || bijlage.payload.url);
    var href = bron ? veiligeUrl(bron) : null;
    if (href) {
      var p = el("div", { class: "bericht assistent" });
      link(p, "Bijlage openen", href, true);
      logboek.appendChild(p);
      naarOnder();
    }
    if (bericht.custom) {
      toonDocument(bericht.custom);
    }
  }

  // ---- documenten (actieplan, oefenverslag) ----

  // Een document komt als {"custom": {"soort", "bestandsnaam", "mime",
  // "markdown"}} (bot/channels/document.py leest het net zo). De naam komt
  // van de server maar wordt een bestand op de schijf: alleen letters,
  // cijfers, ".", "-" en "_", niet met een punt vooraan, altijd op .md.
  var SOORTEN = ["actieplan", "oefenverslag"];
  var documentAdressen = [];

  function veiligeBestandsnaam(naam, soort) {
    var stam = (typeof naam === "string" ? naam : "").split(/[\/\\]/).pop().trim().replace(/\.md$/i, "");
    stam = stam.replace(/[^A-Za-z0-9._-]/g, "-").replace(/-{2,}/g, "-");
    stam = stam.replace(/^[.-]+/, "").slice(0, 80).replace(/[._-]+$/, "");
    if (!stam) {
      stam = SOORTEN.indexOf(soort) >= 0 ? soort : "document";
    }
    return stam + ".md";
  }

  function leesDocument(custom) {
    if (!custom || typeof custom !== "object" || typeof custom.markdown !== "string" || !custom.markdown.trim()) {
      return null;
    }
    return { naam: veiligeBestandsnaam(custom.bestandsnaam, custom.soort), markdown: custom.markdown };
  }

  // Het klembord van de browser werkt alleen op https (en localhost); op
  // een http-intranet valt het terug op kopiëren uit een verborgen tekstvak.
  function kopieerOud(tekst) {
    var veld = el("textarea", { class: "klembord", readonly: true, tabindex: "-1", "aria-hidden": "true" });
    veld.value = tekst;
    kader.appendChild(veld);
    veld.select();
    var gelukt = false;
    try {
      gelukt = document.execCommand("copy");
    } catch (e) {
      gelukt = false;
    }
    veld.remove();
    return gelukt ? Promise.resolve() : Promise.reject(new Error("kopiëren lukte niet"));
  }

  function kopieer(tekst) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(tekst).catch(function () {
        return kopieerOud(tekst);
      });
    }
    return kopieerOud(tekst);
  }

  function toonDocument(custom) {
    var doc = leesDocument(custom);
    if (!doc) {
      return;
    }
    var adres = URL.createObjectURL(new Blob([doc.markdown], { type: "text/markdown;charset=utf-8" }));
    documentAdressen.push(adres);

    var bericht = el("div", { class: "bericht assistent document" });
    bericht.appendChild(el("span", { class: "sr-only" }, "Assistent: "));
    var inhoud = el("div", { class: "inhoud" });
    inhoud.appendChild(el("p", { class: "document-titel" }, "Document: " + doc.naam));

    var acties = el("div", { class: "document-acties" });
    acties.appendChild(el("a", {
      class: "document-actie",
      href: adres,
      download: doc.naam,
      "aria-label": "Downloaden: " + doc.naam
    }, "Downloaden"));
    var kopieerKnop = el("button", {
      type: "button",
      class: "document-actie",
      "aria-label": "Kopiëren: " + doc.naam
    }, "Kopiëren");
    acties.appendChild(kopieerKnop);
    inhoud.appendChild(acties);

    var melding = el("p", { class: "document-melding", role: "status" });
    inhoud.appendChild(melding);
    kopieerKnop.addEventListener("click", function () {
      melding.textContent = "";
      kopieer(doc.markdown).then(
        function () {
          melding.textContent = "Gekopieerd. Je kunt de tekst nu ergens anders plakken.";
        },
        function () {
          melding.textContent = "Kopiëren lukte niet. Open hieronder de tekst, selecteer die en kopieer hem zelf.";
        }
      ).then(function () {
        kopieerKnop.focus();
      });
    });

    var voorbeeld = el("details", { class: "voorbeeld" });
    voorbeeld.appendChild(el("summary", {}, "Tekst bekijken"));
    voorbeeld.appendChild(el("pre", { tabindex: "0", "aria-label": "Tekst van " + doc.naam }, doc.markdown));
    inhoud.appendChild(voorbeeld);

    bericht.appendChild(inhoud);
    logboek.appendChild(bericht);
    if (!antwoordBegin) {
      antwoordBegin = bericht;
    }
    naarOnder();
  }

  function leegLogboek() {
    logboek.textContent = "";
    documentAdressen.forEach(function (adres) {
      URL.revokeObjectURL(adres);
    });
    documentAdressen = [];
  }

  // ---- typen ----

  var typenTimer = null;

  function toonTypen() {
    typen.textContent = "";
    typen.appendChild(el("span", {}, "De assistent typt"));
    var stippen = el("span", { class: "stippen", "aria-hidden": "true" });
    stippen.appendChild(el("span"));
    stippen.appendChild(el("span"));
    stippen.appendChild(el("span"));
    typen.appendChild(stippen);
    typen.classList.add("zichtbaar");
    clearTimeout(typenTimer);
    typenTimer = setTimeout(function () {
      verbergTypen();
      meld("Nog geen antwoord ontvangen. Probeer het zo nog eens.");
    }, ANTWOORD_TIMEOUT_MS);
  }

  function verbergTypen() {
    clearTimeout(typenTimer);
    typen.classList.remove("zichtbaar");
    typen.textContent = "";
  }

  function meld(tekst) {
    status.textContent = tekst || "";
    status.classList.toggle("zichtbaar", Boolean(tekst));
  }

  // ---- verbinding ----

  var socket = null;
  var gesprek = lees("sessionStorage", cfg.opslagSleutel);
  var bevestigd = false;
  var geschiedenisGeladen = false;
  var begroet = false;
  var wachtrij = [];

  function emit(bericht) {
    if (bevestigd && socket && socket.connected) {
      socket.emit("user_uttered", { message: bericht, session_id: gesprek });
    } else {
      wachtrij.push(bericht);
    }
  }

  function stuur(bericht, zichtbaar) {
    bericht = String(bericht || "").trim().slice(0, MAX_TEKENS);
    if (!bericht) {
      return;
    }
    verwijderKnoppen();
    if (zichtbaar !== null) {
      toonBericht("gebruiker", zichtbaar === undefined ? bericht : zichtbaar);
    }
    toonTypen();
    emit(bericht);
    invoer.focus();
  }

  function begroetAlsLeeg() {
    if (!paneel.hidden && geschiedenisGeladen && cfg.begroeting && !begroet && !logboek.querySelector(".bericht")) {
      begroet = true;
      stuur(cfg.begroeting, null);
    }
  }

  function vraagSessie(id) {
    bevestigd = false;
    geschiedenisGeladen = false;
    socket.emit("session_request", { session_id: id || null });
  }

  function verbind() {
    if (socket || typeof window.io !== "function") {
      return;
    }
    meld("Verbinding maken met de assistent…");
    var opties = { path: cfg.socketPath, transports: ["websocket", "polling"], tryAllTransports: true };
    if (cfg.token) {
      // Zonder token weigert de server met een melding, die hieronder verschijnt.
      opties.auth = function (cb) {
        Promise.resolve(typeof cfg.token === "function" ? cfg.token() : cfg.token).then(
          function (token) {
            cb({ token: token });
          },
          function () {
            cb({});
          }
        );
      };
    }
    socket = cfg.server ? window.io(cfg.server, opties) : window.io(opties);
    socket.on("connect", function () {
      meld("");
      vraagSessie(gesprek);
    });
    socket.on("connect_error", function (fout) {
      verbergTypen();
      if (socket.active) {
        meld("Geen verbinding met de assistent. We proberen het opnieuw…");
        return;
      }
      // De server weigerde: niet (meer) aangemeld, of de aanmeldservice is
      // even weg. Dan zegt de server zelf waarom, en of het later weer kan.
      var reden = fout && fout.data;
      meld(reden && fout.message ? fout.message : "De assistent weigerde de verbinding. Vernieuw de pagina.");
      if (reden && reden.tijdelijk) {
        setTimeout(function () {
          socket.connect();
        }, OPNIEUW_AANMELDEN_MS);
      }
    });
    socket.on("disconnect", function () {
      bevestigd = false;
      meld("Verbinding verbroken. We proberen het opnieuw…");
    });
    socket.on("session_confirm", function (id) {
      gesprek = typeof id === "string" ? id : id && id.session_id;
      schrijf("sessionStorage", cfg.opslagSleutel, gesprek);
    });
    socket.on("session_history", function (data) {
      if (!data || data.session_id !== gesprek) {
        return;
      }
      var berichten = Array.isArray(data.messages) ? data.messages : [];
      // Wat de gebruiker al getypt heeft en nog wacht, blijft staan.
      if (berichten.length && !wachtrij.length) {
        logboek.setAttribute("aria-busy", "true");
        leegLogboek();
        berichten.forEach(function (b, index) {
          var laatste = index === berichten.length - 1;
          if (b.van === "gebruiker") {
            toonBericht("gebruiker", b.text);
          } else {
            toonServerBericht(laatste ? b : { text: b.text, custom: b.custom });
          }
        });
        logboek.removeAttribute("aria-busy");
        antwoordBegin = null;
        naarOnder();
      }
      // Pas nu verder: wat intussen getypt is, komt na de geschiedenis.
      bevestigd = true;
      geschiedenisGeladen = true;
      var wachtend = wachtrij;
      wachtrij = [];
      wachtend.forEach(emit);
      begroetAlsLeeg();
    });
    socket.on("bot_uttered", function (bericht) {
      verbergTypen();
      meld("");
      toonServerBericht(bericht);
    });
  }

  function laadClient(klaar) {
    if (typeof window.io === "function") {
      klaar();
      return;
    }
    var s = el("script", { src: basis + "vendor/socket.io.min.js" });
    s.addEventListener("load", klaar);
    s.addEventListener("error", function () {
      meld("De chat kon niet worden geladen. Vernieuw de pagina of probeer het later opnieuw.");
    });
    document.head.appendChild(s);
  }

  // ---- openen, sluiten, nieuw gesprek ----

  // Na een reload gaat het paneel weer open, maar zonder de focus weg te
  // trekken van de pagina; alleen wie het zelf opent, komt in het tekstvak.
  function open(metFocus) {
    paneel.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    kader.classList.add("open");
    schrijf("sessionStorage", "eenzaamheid-widget:open", "1");
    laadClient(verbind);
    begroetAlsLeeg();
    if (metFocus !== false) {
      invoer.focus();
    }
    naarOnder();
  }

  function sluit() {
    paneel.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    kader.classList.remove("open");
    schrijf("sessionStorage", "eenzaamheid-widget:open", null);
    opener.focus();
  }

  function nieuwGesprek() {
    verbergTypen();
    leegLogboek();
    wachtrij = [];
    gesprek = null;
    begroet = false;
    schrijf("sessionStorage", cfg.opslagSleutel, null);
    meld("Nieuw gesprek gestart.");
    if (socket && socket.connected) {
      vraagSessie(null);
    }
    invoer.focus();
  }

  opener.addEventListener("click", function () {
    if (paneel.hidden) {
      open();
    } else {
      sluit();
    }
  });
  sluitKnop.addEventListener("click", sluit);
  nieuwKnop.addEventListener("click", nieuwGesprek);
  paneel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      sluit();
    }
  });
  formulier.addEventListener("submit", function (event) {
    event.preventDefault();
    var tekst = invoer.value;
    invoer.value = "";
    pasHoogteAan();
    stuur(tekst);
  });
  invoer.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      formulier.requestSubmit ? formulier.requestSubmit() : formulier.dispatchEvent(new Event("submit"));
    }
  });

  function pasHoogteAan() {
    invoer.style.height = "auto";
    invoer.style.height = Math.min(invoer.scrollHeight, 140) + "px";
  }
  invoer.addEventListener("input", pasHoogteAan);

  function start() {
    document.body.appendChild(host);
    if (lees("sessionStorage", "eenzaamheid-widget:open") === "1") {
      open(false);
    } else if (gesprek) {
      laadClient(verbind);
    }
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
