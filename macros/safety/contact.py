"""Helplines on the page and on paper: tap-to-call and tap-to-text links, the safety page's directory,
the emergency line, and the plain-text numbers every printed sheet carries. Every value is escaped: a
name or label is text, never markup."""
from __future__ import annotations

from html import escape

from ..content.fields import slugify
from .helplines import Directory, Emergency, Helpline, digits

def call_link(h: Helpline) -> str:
    label = escape(f"Call {h.name}, {h.where}, on {h.call}", quote=True)
    return f'<a class="closer-tel" href="{escape(h.call_href, quote=True)}" aria-label="{label}">Call {escape(h.call)}</a>'


def text_link(h: Helpline) -> str:
    what = f"Text {h.text_message} to {h.text}" if h.text_message else f"Text {h.text}"
    label = escape(f"{what}: {h.name}, {h.where}", quote=True)
    return f'<a class="closer-tel" href="{escape(h.text_href, quote=True)}" aria-label="{label}">{escape(what)}</a>'


def contact_links(h: Helpline, between: str = " or ") -> str:
    """The call link, and the text link where the service has one."""
    return between.join([call_link(h)] + ([text_link(h)] if h.text else []))


def entry_html(h: Helpline, anchor: bool = True) -> str:
    """One service: its name, what it is for, its hours, and tap-to-call and tap-to-text links. A service
    listed under two countries carries its anchor (its id) the first time only."""
    by = f", run by {escape(h.by)}" if h.by else ""
    area = f"{escape(h.area)}: " if h.area else ""
    links = contact_links(h, " ")
    hid = escape(h.id, quote=True)
    return (
        f'<li class="closer-helpline" data-helpline="{hid}"' + (f' id="{hid}">' if anchor else ">")
        + f'<span class="closer-helpline-name">{area}<strong>{escape(h.name)}</strong>{by}</span> '
        f'<span class="closer-helpline-for">For {escape(h.purpose)}. Answers {escape(h.hours)}.</span> '
        f'<span class="closer-helpline-links">{links}</span></li>'
    )


def directory_html(directory: Directory) -> str:
    """The safety page's list: a heading per country, then its services."""
    out, shown = ['<div class="closer-helplines closer-no-glossary">'], set()
    for country in directory.countries:
        slug = "helplines-" + slugify(country)
        out.append(f'<h3 id="{slug}">{escape(country)}</h3>')
        out.append('<ul class="closer-helpline-list">')
        for h in directory.helplines:
            if country in h.countries:
                out.append(entry_html(h, anchor=h.id not in shown))
                shown.add(h.id)
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


def emergency_link(e: Emergency) -> str:
    label = escape(f"Call {e.number}, the emergency number in {e.where}", quote=True)
    return f'<a class="closer-tel" href="tel:{digits(e.number)}" aria-label="{label}">{escape(e.number)}</a>'


def emergency_html(directory: Directory) -> str:
    """'911 in the United States and Canada, 999 in …', each number a tap-to-call link."""
    parts = [f"{emergency_link(e)} in {escape(e.where)}" for e in directory.emergency]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def paper_numbers(directory: Directory) -> str:
    """The helplines printed on every sheet, as plain text: 'US domestic violence 1-800-799-7233 · …'."""
    return " · ".join(f"{h.paper} {h.call}" for h in directory.on_paper)


def emergency_text(directory: Directory) -> str:
    """'911 US and Canada · 999 UK and Ireland · …', for paper."""
    return " · ".join(f"{e.number} {e.short}" for e in directory.emergency)


def paper_safety(directory: Directory, site_url: str) -> dict:
    """Where to get help, for paper: the safety page's public address and the numbers marked for print."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return {"address": base + "safety/", "emergency": emergency_text(directory), "numbers": paper_numbers(directory)}
