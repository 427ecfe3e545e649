"""Vocabularies of English contract language, as data: one entry per line, the reason beside it.

A developer extends extraction here without reading the engine. Patterns are regex fragments matched
case-insensitively on whole words against text whose runs of whitespace count as one space; keep them free
of unbounded nested repetition (the engine promises linear time).
"""

from __future__ import annotations

from obligations.model import AnchorType, Kind, Recurrence, Unit

# --- units --------------------------------------------------------------------------------------------------
# (regex fragment for the unit word, unit, reason)
UNITS: list[tuple[str, Unit, str]] = [
    (r"(?:business|working|banking|bank)[\s-]{1,3}days?", Unit.BUSINESS_DAY, "counted on working days only"),
    (r"(?:calendar|consecutive|full|clear)[\s-]{1,3}days?", Unit.DAY, "explicitly calendar days"),
    (r"days?", Unit.DAY, "plain days are calendar days"),
    (r"(?:business[\s-]{1,3}|working[\s-]{1,3}|clock[\s-]{1,3})?hours?", Unit.HOUR, "business hours count as hours"),
    (r"(?:(?:full|complete|consecutive|calendar)[\s-]{1,3}){0,2}weeks?", Unit.WEEK, ""),
    (r"(?:(?:full|complete|consecutive|calendar)[\s-]{1,3}){0,2}months?", Unit.MONTH, "full calendar months"),
    (r"(?:(?:full|complete|consecutive|calendar|contract|fiscal)[\s-]{1,3}){0,2}years?", Unit.YEAR, ""),
]
# quarters are three months: "within one (1) calendar quarter"
QUARTER_UNIT = r"(?:calendar[\s-]{1,3})?quarters?"

# --- direction: what sits right after the amount -------------------------------------------------------------
# (regex fragment, direction word, reason); first match wins, so longer phrases come first
RELATIONS_AFTER: list[str] = [
    r"after",
    r"following",
    r"from",
    r"of",
    r"subsequent\s+to",
    r"since",
    r"commencing\s+(?:on|upon|with|from)?",
    r"beginning\s+(?:on|upon|with|from)?",
    r"starting\s+(?:on|upon|with|from)?",
    r"later\s+than",  # "ten weeks later than the time of shipment"
    r"thereafter",  # the anchor is the event just named
    r"upon",  # "payable 30 days upon receipt"
]
RELATIONS_BEFORE: list[str] = [
    r"before",
    r"prior\s+to",
    r"in\s+advance\s+of",
    r"preceding",
    r"ahead\s+of",
    r"earlier\s+than",
]

# --- anchors: what the period is counted from ----------------------------------------------------------------
# (regex fragment searched in the anchor phrase, anchor type, reason); first match wins
ANCHORS: list[tuple[str, AnchorType, str]] = [
    (
        r"(?:end|close|termination|expiration)\s+of\s+(?:a|any|each|every|the\s+(?:preceding|applicable|relevant))\s+"
        r"(?:full\s+)?(?:calendar\s+|fiscal\s+)?(?:quarter|month|year)",
        AnchorType.RECURRING,
        "the end of each (preceding) quarter: a schedule, not the agreement's end",
    ),
    (
        r"termination\s+(?:of|or)\s+(?:discussions|negotiations|employment|the\s+(?:discussions|negotiations))",
        AnchorType.EVENT,
        "ends of something other than this agreement are events",
    ),
    (
        r"(?:expiration|expiry|end)\s+or\s+(?:earlier\s+)?termination",
        AnchorType.TERMINATION,
        "'expiration or termination' covers early ends too",
    ),
    (r"termination\s+or\s+(?:expiration|expiry|non-renewal)", AnchorType.TERMINATION, ""),
    (r"scheduled\s+termination", AnchorType.EXPIRY, "the scheduled end is the expiry"),
    (
        r"(?:expiration|expiry|end|close|conclusion)\s+of\s+(?:(?!each\b|a\b)[\w-]+\s+){0,5}?"
        r"(?:term|agreement|contract|period|renewal)\b",
        AnchorType.EXPIRY,
        "end of the term",
    ),
    (r"(?:renewal|expiration|expiry|anniversary)\s+date", AnchorType.EXPIRY, "the date a term ends"),
    (r"anniversary", AnchorType.EXPIRY, "a yearly term ends on its anniversary"),
    (r"(?:effective|commencement|start)\s+date", AnchorType.EFFECTIVE, "defined start of the agreement"),
    (r"date\s+of\s+commencement", AnchorType.EFFECTIVE, ""),
    (
        r"(?:execution|signing|signature)\s+(?:of\s+)?(?:this|the)\s+(?:agreement|contract)",
        AnchorType.SIGNING,
        "signing of this agreement",
    ),
    (r"(?:signing|executing)\s+(?:this|the)\s+(?:agreement|contract)", AnchorType.SIGNING, ""),
    (
        r"date\s+(?:of\s+)?(?:this|the)\s+(?:agreement|contract|document|instrument|letter(?:\s+agreement)?)",
        AnchorType.SIGNING,
        "the agreement's date",
    ),
    (r"date\s+hereof", AnchorType.SIGNING, ""),
    (r"(?:termination|cancellation)\s+(?:of\s+)?(?:this|the)\s+(?:agreement|contract)", AnchorType.TERMINATION, ""),
    (r"(?:effective\s+)?(?:date\s+of\s+)?termination", AnchorType.TERMINATION, "bare 'termination' means ours"),
]

# phrases that name an event when nothing better is known (used to cut the anchor phrase short)
ANCHOR_STOP = (
    r"(?:[;:.()]\s|,(?!\s{0,40}(?:19|20)\d\d\b)|;|\n[ \t]{0,80}\n"  # punctuation (not the comma in "May 3, 2018")
    r"|\s(?:and|or)\s(?:shall|will|may|must|the\s+\w+\s+shall)\b"  # the next clause
    r"|\sprovided\b|\sunless\b|\sin\s+order\b|\sfor\s+(?:the|a|an)\s"
    r"|\s(?:(?:and|or)\s)?\("  # a bracketed aside or the next item of a list: "... or (ii)", " (or the time"
    r")"
)

# --- recurrence ----------------------------------------------------------------------------------------------
# (regex fragment, recurrence, reason)
# an anchor that comes back: "the end of each calendar quarter", "the end of a quarter", "each and every year"
_PERIOD_END = (
    r"(?:(?:end|close|termination|expiration)\s+of\s+(?:a|any|each|every|the\s+(?:preceding|applicable|relevant))?"
    r"\s*(?:full\s+)?(?:calendar\s+|fiscal\s+)?)"
)
RECURRENCES: list[tuple[str, Recurrence, str]] = [
    (r"(?:each|every|per)\s+(?:calendar\s+)?day|daily", Recurrence.DAILY, ""),
    (r"(?:each|every|per)\s+(?:calendar\s+)?week|weekly|on\s+a\s+weekly\s+basis", Recurrence.WEEKLY, ""),
    (r"(?:each|every|per)\s+(?:calendar\s+)?month|monthly|on\s+a\s+monthly\s+basis", Recurrence.MONTHLY, ""),
    (r"(?:each|every|per)\s+(?:calendar\s+|fiscal\s+)?quarter|quarterly|on\s+a\s+quarterly\s+basis"
     r"|" + _PERIOD_END + r"quarter", Recurrence.QUARTERLY, "the end of a quarter comes every quarter"),
    (r"(?:each|every|per)\s+(?:and\s+every\s+)?(?:calendar\s+|fiscal\s+|contract\s+)?year|annually|yearly"
     r"|per\s+annum|on\s+an?\s+(?:annual|yearly)\s+basis", Recurrence.YEARLY, ""),
]  # fmt: skip
# adjectives that make a recurring duty only in front of these nouns ("monthly reports", not "monthly installments")
RECURRING_NOUNS = r"(?:reports?|reporting|statements?|accountings?|meetings?|reviews?|audits?|forecasts?)"

# --- kinds: the verb that states the duty --------------------------------------------------------------------
# (regex fragment for the verb, kind, reason); first match in the clause wins
KIND_VERBS: list[tuple[str, Kind, str]] = [
    (r"renew\w{0,3}|extend\w{0,2}|extension|non-renewal", Kind.RENEWAL, "renewal windows"),
    (
        r"pa(?:y|ys|id|yable|yment|yments)|reimburse\w?|remit\w{0,3}|refund\w{0,2}|invoices?|bill\w{0,3}|fees?"
        r"|charges?|installments?",
        Kind.PAYMENT,
        "",
    ),
    (r"reports?|reporting|accountings?|statements?|audit\w{0,3}", Kind.REPORTING, "periodic reports and audits"),
    (r"retain\w{0,2}|(?:keep|maintain)\s+(?:records|books)|preserve\w?", Kind.RETENTION, ""),
    (
        r"notif(?:y|ies|ied|ication)|notices?|advise\w?|inform|informs|informed|contact|request\s+termination",
        Kind.NOTICE,
        "",
    ),
    (r"respond\w{0,2}|response|reply|replies|answer\w{0,2}|confirm\w{0,2}|acknowledge\w?", Kind.RESPONSE, ""),
    (
        r"cure[sd]?|remed(?:y|ied)|rectif(?:y|ied)|deliver\w{0,2}|provide[sd]?|complete[sd]?|perform\w{0,2}"
        r"|ship\w{0,3}|repair\w{0,2}|return\w{0,2}|destroy\w{0,2}|open|purchase[sd]?|submit\w{0,3}|correct\w{0,2}"
        r"|resolve[sd]?|replace[sd]?|install\w{0,2}|cease|terminate[sd]?",
        Kind.PERFORMANCE,
        "",
    ),
    (r"expire[sd]?|continue[sd]?|remain\s+in|term\s+of|valid", Kind.EXPIRY, "the term itself"),
]

# --- parties -------------------------------------------------------------------------------------------------
# role nouns contracts use for a party even when the preamble does not define them
PARTY_ROLES: list[str] = [
    r"each\s+party",
    r"either\s+party",
    r"both\s+parties",
    r"the\s+parties",
    r"neither\s+party",
    r"(?:the\s+)?(?:non[\s-]?(?:performing|breaching)|breaching|defaulting|terminating|disclosing|receiving)"
    r"\s+party",
    r"licensee",
    r"licensor",
    r"sublicensee",
    r"(?:the\s+)?company",
    r"customer",
    r"client",
    r"supplier",
    r"distributor",
    r"reseller",
    r"vendor",
    r"contractor",
    r"consultant",
    r"(?:the\s+)?(?:buyer|seller|purchaser)s?",
    r"franchisee",
    r"franchisor",
    r"lessee",
    r"lessor",
    r"landlord",
    r"tenant",
    r"employee",
    r"employer",
    r"provider",
    r"recipient",
    r"you",
]
# quoted words that look like defined terms but are not parties
NOT_PARTIES: frozenset[str] = frozenset(
    {
        "agreement", "effective date", "term", "initial term", "renewal term", "services", "products", "territory",
        "confidential information", "brand", "affiliate", "notice", "order", "contract price", "renewal period",
        "restricted period", "evaluation material", "laws", "action", "code", "infringement", "scope of work",
    }
)  # fmt: skip

# last words that make a quoted defined term a thing, not a party: ("Minimum Period"), ("Licensed Marks")
NOT_PARTY_LAST_WORDS: frozenset[str] = frozenset(
    {
        "period", "term", "terms", "date", "fee", "fees", "price", "agreement", "services", "service", "products",
        "product", "information", "material", "materials", "territory", "marks", "mark", "rights", "property",
        "software", "system", "program", "plan", "schedule", "notice", "order", "orders", "event", "law", "laws",
        "act", "code", "area", "website", "content", "data", "documentation", "work", "works", "year", "quarter",
        "month", "payment", "payments", "amount", "sales", "commission", "royalty", "royalties", "brand", "name",
        "names", "transaction", "offering", "stock", "shares", "interest", "percentage", "cost", "costs",
        "franchise", "ordinance", "premises", "equipment", "goods", "deliverables", "project", "budget",
    }
)  # fmt: skip

# --- not obligations -----------------------------------------------------------------------------------------
# sentences about service levels, ages and history mention time but set no deadline
NON_DEADLINE_CUES = (
    r"(?:uptime|availability|latency|response\s+time\s+of\s+less|(?:per\s+cent|%)\s+of\s+the\s+time|whereas|since\s+\d{4}"
    r"|years?\s+of\s+(?:age|experience)|years?\s+old|experience\s+of)"
)
# nouns that turn "one (1) year" into an adjective: "each One (1) Year contract" is no deadline
ADJECTIVE_NOUNS = (
    r"(?:contracts?|agreements?|licen[cs]es?|leases?|loans?|notes?|bonds?|subscriptions?|plans?|warrant(?:y|ies)"
    r"|old|history|track|average|rolling|moving|trailing|lookback|look-back|treasury|libor|rate)"
)
