"""The report and the inbox as HTML: one self-contained file (charts as PNG
data URIs, styles inline, no scripts, nothing fetched), Dutch labels, and
every chart's numbers in a table for screen readers. Charts are drawn with
matplotlib's Agg canvas, without a display and without pyplot's global state.
"""
from __future__ import annotations

import base64
import html
import io
import threading
from typing import List, Optional, Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from bot.leren.inbox import Groep  # noqa: E402
from bot.leren.rapport import MINIMUM, VERBORGEN, Rapport, Sectie  # noqa: E402

_TEKENEN = threading.Lock()  # matplotlib's font cache is not thread-safe
STIJL = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}
.privacy{background:#eef4fb;border-left:4px solid #2b6cb0;padding:.5rem 1rem}
img{max-width:100%;height:auto}.reden{color:#555}
"""


def _png(sectie: Sectie) -> Optional[str]:
    """The section's chart as a data URI; None when nothing may be drawn."""
    if not sectie.rijen:
        return None
    labels = [r for r, _ in sectie.rijen]
    with _TEKENEN:
        figuur = Figure(figsize=(8, 3.2), dpi=90)
        FigureCanvasAgg(figuur)
        as_ = figuur.add_subplot()
        if sectie.grafiek == "lijn":
            for k, kolom in enumerate(sectie.kolommen):
                waarden = [c[k].getoond() for _, c in sectie.rijen]
                as_.plot(labels, [float("nan") if w is None else w for w in waarden], marker="o", label=kolom)
            as_.legend(fontsize=8)
        else:
            waarden = [c[0].getoond() for _, c in sectie.rijen][::-1]
            as_.barh(labels[::-1], [0 if w is None else w for w in waarden], color="#2b6cb0")
            for y, waarde in enumerate(waarden):
                if waarde is None:
                    as_.text(0, y, f" {VERBORGEN}", va="center", fontsize=8)
            as_.set_xlabel(sectie.kolommen[0])
        as_.set_title(sectie.titel, fontsize=10)
        as_.tick_params(labelsize=8)
        figuur.tight_layout()
        buffer = io.BytesIO()
        figuur.savefig(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _tabel(sectie: Sectie) -> str:
    e = html.escape
    kop = "".join(f'<th scope="col">{e(k)}</th>' for k in ["", *sectie.kolommen])
    rijen = "".join(f'<tr><th scope="row">{e(r)}</th>' + "".join(f"<td>{e(c.tekst())}</td>" for c in cellen)
                    + "</tr>" for r, cellen in sectie.rijen)
    if not sectie.rijen:
        rijen = f'<tr><td colspan="{len(sectie.kolommen) + 1}">Geen gegevens in deze periode.</td></tr>'
    return f"<table><caption>{e(sectie.titel)}</caption><thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table>"


def _sectie(sectie: Sectie) -> str:
    e = html.escape
    plaatje = _png(sectie)
    figuur = (f'<img src="{plaatje}" alt="Grafiek: {e(sectie.titel)}. De getallen staan in de tabel eronder.">'
              if plaatje else "")
    return f"<section><h2>{e(sectie.titel)}</h2><p>{e(sectie.uitleg)}</p>{figuur}{_tabel(sectie)}</section>"


def pagina(titel: str, inhoud: str) -> str:
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(titel)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STIJL}</style></head>'
            f"<body>{inhoud}</body></html>\n")


def rapport_html(rapport: Rapport) -> str:
    privacy = (f'<p class="privacy">Privacy: dit rapport bevat geen tekst van berichten, alleen aantallen. '
               f"Een getal dat op minder dan {MINIMUM} gesprekken berust, staat er als "
               f"&quot;{html.escape(VERBORGEN)}&quot;, "
               "zodat niemand (medewerker of cliënt) te herkennen is. Weken lopen van maandag tot en met zondag "
               "(ISO-weeknummers), tijden in UTC.</p>")
    kop = (f"<h1>Inzicht in het gebruik van de assistent</h1><p>Periode: {rapport.van:%d-%m-%Y} tot en met "
           f"{rapport.tot:%d-%m-%Y}.</p>")
    return pagina("Inzicht in het gebruik", privacy + kop + "".join(_sectie(s) for s in rapport.secties))


def inbox_html(groepen: Sequence[Groep], dagen: int, drempel: float) -> str:
    e = html.escape
    delen: List[str] = [
        "<h1>Review-inbox: wat de assistent niet begreep</h1>",
        f"<p>Berichten van de laatste {dagen} dagen die niet begrepen werden, met een zekerheid onder "
        f"{drempel:.2f}, of die de medewerker meteen verbeterde. Alleen de bewaarde, geredigeerde teksten. "
        "Toewijzen gaat met <code>python -m bot.leerlus --toewijzen GROEP=intent</code> of "
        "<code>GROEP.BERICHT=intent</code>.</p>",
    ]
    if not groepen:
        delen.append("<p>De inbox is leeg.</p>")
    for groep in groepen:
        regels = "".join(f"<li>{groep.nummer}.{n}: {e(i.bericht.tekst)} "
                         f'<span class="reden">({e(", ".join(i.redenen))})</span></li>'
                         for n, i in enumerate(groep.items, 1))
        delen.append(f"<section><h2>Groep {groep.nummer}: {groep.aantal} "
                     f"{'bericht' if groep.aantal == 1 else 'berichten'}</h2>"
                     f"<p>Voorspelde intent: {e(groep.intent)}; daarna: {e(groep.tweede)}.</p>"
                     f"<ul>{regels}</ul></section>")
    return pagina("Review-inbox", "".join(delen))
