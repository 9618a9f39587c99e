"""Vocabulary evidence for boilerplate: what navigation, login, share, comment and legal text says.

Patterns are deliberately specific to page furniture (whole short lines, or dense use of furniture
words in long lines) so that a news sentence that merely mentions "comments" or "register" is
never removed for it.
"""

from __future__ import annotations

import re

from storyline.clean.prefilter import FirstCharacterDispatch, LiteralIndex, required_literals
from storyline.clean.textstats import STOPWORDS, tokens

# Each entry: reason code → pattern matched against a whole short line (≤ 12 words), lower-cased.
_SHORT_LINE = {
    "login": r"(log ?in|log ?out|sign ?in|sign ?out|sign ?up|register( now)?|registration|create (an |your )?account"
    r"|sign in here|forgot (your )?(password|username|user ?name|login)( or password)?\??|password recovery|my account|delete account|captcha|avatar|hello, ?!?|"
    r"(do you|i) (do not )?have an? .{0,40} account\??|register ?forgot your password\?.*|log in ?privacy policy"
    r"|are you sure you want to delete .*|your account has been deleted.*|remember me|lost your password\??"
    r"|(please )?(sign|log) ?in to (comment|reply|post( a comment)?|leave a comment|vote)\.?)",
    "share": r"(share( this( article| story| post)?)?( on \w+)?|tweet|e-?mail( this)?( article| story)?|print( this)?( article| page)?"
    r"|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|get short url|copy link|follow us( on .*)?"
    r"|like us on facebook|(\d+ ?)+|adjust( comment)?( print)?|comment print|font:?|[+\-]|a a a|text size"
    r"|follow @\w+ (on twitter )?for .*|(email this )?blogthis!.*|share to \w+( share to \w+)*"
    # article tools: "Share this article What is this?", "Email to a friend Printer friendly", "Printer-friendly
    # version Email-a-friend Respond", "Social bookmark links"
    r"|share this (article|story|post):?( what is this\??)?"
    r"|(e-?mail( this)? to a friend ?|printer[- ]friendly( version)? ?|e-?mail-a-friend ?|respond ?){2,3}"
    r"|social bookmark(ing|s)?( links)?|what are these links for\?|send me a copy of this e-?mail\.?"
    r"|((like|tweet|digg|share|pin|stumble|email|e-mail|print|save|bookmark|reddit) it[.!]? ?){2,})",  # "Like It. Tweet It. Digg It."
    "navigation": r"(home|menu|search|skip to (main )?content|skip to next paragraph|search the web for more\W*|jump to .*|next( story| article| post)?.*|previous( story| article| post)?"
    r"|back to top|more|close|ok|yes|no|yesno|all news|news|sections?|topics?|listen live|watch live|live tv|video|photos?"
    r"|world|politics|business|sports?|entertainment|health|tech|science|opinion|weather|local|travel|lifestyle|multimedia"
    r"|(main|site) navigation|toggle navigation|go to .*|click here.*|see more|load more|show more|view all|breadcrumb"
    r"|page \d+( of \d+)?|\d+ of \d+|top stories|latest( news)?|featured|editor'?s picks?|below:|x|×|full .* index"
    r"|view all posts (by|in) .*|more posts( by .*)?|(share )?back to (the )?slideshow( navigation)?|prev( next)?|previous next)",
    "subscription": r"(subscribe( now| today)?|subscribe to .*|newsletter|sign up for .*|sign up to (receive|get) .*|join (the |our )?(mailing list|newsletter)"
    r"|get (our|the) .*newsletter.*|enter your e-?mail.*|get the latest .*|free trial.*|already a subscriber\??.*)",
    "donation": r"(donate( today| now)?!?|support (us|our .*|\w+ to help .*)|become a (member|patron|supporter).*|make a donation.*"
    r"|contribute( now| today)?|help us .*|please support .*)",
    "related-links": r"(related:?|related (articles|stories|posts|content|coverage|news)|read more:?.*|you may also like:?|recommended( for you)?:?"
    r"|more from .*|more on this story|most (read|popular|viewed|shared)|trending( now)?|see also:?|also read:?|don'?t miss:?"
    r"|more stories|what to read next|in case you missed it|around the web|from around the web|promoted stories|you might also like:?"
    r"|full coverage .*|only on .*|more in .*|next story in .*|you (may|might) (also )?like to read:?"
    r"|posted on this day,? (in )?other years:?|(article|story) continues( below)?)",
    "legal": r"(privacy( policy)?|terms( of (use|service))?|cookie( policy| settings)?|cookies|all rights reserved\.?|copyright .*"
    r"|© .*|\(c\) \d{4}.*|terms (and|&) conditions|accessibility|contact us|about us|careers|site ?map|rss( feeds?)?|faq|help)",
    "comments": r"((one|no|\d+) trackbacks?|trackbacks?|leave a (reply|comment)|comments?( \(\d+\))?|\d+ comments?|post (a|your) comment.*|add (a |your )?comment.*|have your say|discussion|discuss"
    r"|community (standards|guidelines)(discussion)?|comment via .*|join the (conversation|discussion)|show comments|view comments"
    r"|jump to discuss comments below|• ?сomment|• ?comment|reply|report abuse|connecting to %s"
    # a thread's state and its form: "Loading comments…", "No comments:", "There are no comments yet",
    # "Mail (will not be published) (required)"
    r"|loading comments\W*|no comments:|there are no comments( yet)?\.?|[\w ]{1,20} \(will not be published\)( \(required\))?"
    r"|(quote \| )?report this (post|comment)|e-?mail me if my comment is published\.?|not registered\? quick registration and comment\.?"
    r"|type the characters (you see )?in (this|the) (picture|image)\W*)",
    "tags": r"(tags?:.*|filed under:?.*|posted in .*|categories:?.*|topics:.*|keywords:.*)",
    # a post's stamp that gives its age, not its date: "posted 35 mins ago", "Published 6 hours ago"
    "dateline": r"((posted|published|updated|added) (about )?(\d+|an?|one) (secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?) ago)",
    "advertisement": r"(advertisement|advertise( with us)?|adchoices|advertise ?\| ?adchoices|sponsored( content)?|paid content"
    r"|ad|ads by .*|.* - join now|join now|shop now|buy now|download now!?|learn more|\w+ ?\| ?adchoices)",
}

# Patterns that mark boilerplate in a line of any length: reason → (what the line starts with,
# what it contains anywhere). Line starts are tested with `match`, which costs nothing on long
# prose lines; only the phrases that may sit anywhere need a `search` through the line.
_ANY_LINE = {
    "comments": (
        # commenter badges: "This commenter is a Washington Post contributor."
        r"this commenter is an? |"
        # forum threads: "This topic contains 0 replies, has 1 voice...", "Viewing 1 post (of 1 total)",
        # "One comment so far | Comments RSS"
        r"this topic (contains|has) \d+ repl(y|ies)|viewing \d+ (post|repl(y|ies)|topic)s? \(of \d+ total\)"
        r"|(one|no|\d+) comments? so far\s*(\||$)|tweet \d+ comments? \|"
        # blog platforms' response furniture: Movable Type's "TrackBack URL for this entry:" and "Listed
        # below are links to weblogs that reference ...", WordPress's "You can follow any responses to
        # this entry through the RSS 2.0 feed", Tumblr's notes ("x reblogged this from y", "z liked this"),
        # comment-form replies ("Thank you. Your reply has been submitted ...")
        r"|trackback url for this (entry|post)|listed below are links to (weblogs|blogs|sites) that reference"
        r"|you can follow any responses to this (entry|post)|view the entire comment thread"
        r"|[\w.-]+ (reblogged this from [\w.-]+( and added:)?|liked this)$"
        r"|(thank you\. )?your (reply|comment) has been (submitted|received)\b"
        # a thread's notices: "There are no comments for this journal entry.", "Your comment is now in the
        # moderation queue", "This comment has been down-ranked into oblivion.", "Only members of the Club can
        # enter comments.", "We welcome thoughtful comments from readers."
        r"|there are no comments (for|on) this (story|article|post|entry|journal entry|page|item|photo|video)\b|your comment is (now )?(in the moderation queue|awaiting moderation)"
        r"|this comment has been (down-ranked|removed|deleted|hidden)\b|only (registered )?(members|users)\b.{0,40} can (enter|post|leave) comments"
        r"|we welcome (thoughtful |your |reader )?comments\b|comment posters are responsible for\b"
        # a blog platform's comment form (TypePad): "This is only a preview. Your comment has not yet
        # been posted.", "Having trouble reading this image? View an alternate.", "(URLs automatically linked.)"
        r"|you can follow this conversation by subscribing to the comment feed|this is only a preview\. your comment has not yet been posted"
        r"|your comment could not be posted\b|the letters and numbers you entered did not match the image"
        r"|as a final step before posting your comment|having trouble reading this image\?|comment below or sign in with\b"
        r"|you are currently signed in as\b|\(urls automatically linked\.?\)|\(name and email address are required\b",
        r"you are commenting using your|fill in your details below or click an icon to log in|this site uses akismet"
        r"|notify me of (new|follow-?up) (comments|posts)|your email address will not be published|required fields are marked"
        r"|log out /\s*change|comments are (closed|moderated)|by clicking .register.|comment policy"
        # comment forms: "No comments have so far been submitted. Why not be the first...", "You have 500
        # characters left", "Please limit your comments to 500 words", "Email me a link to these comments"
        r"|no comments have (so far |yet )?been (submitted|posted|made)|why not be the first to|be the first to comment"
        r"|you have \d* ?characters? (left|remaining)|please limit your comments to|link to these comments"
        r"|save you having to type (out )?your name|you must be logged in to (reply|post|comment|report|recommend)"
        r"|reserves? the right to (delete|remove|edit)( any)? comments|please comply with our (comment |community )?guidelines"
        # a thread's own furniture: "recommend this comment", "All comments are posted in the All Comments
        # tab.", avatars ("go get a gravatar!"), guidelines ("if a commenter has not followed"), "Discuss this story on ..."
        r"|recommend this comment\b|all comments are (posted|shown|displayed) in\b|additional comments that have come in"
        r"|\bgo get a gravatar\b|\bshow with your comment\b|a commenter has not followed\b|now have your say\b"
        r"|^\W{0,2}discuss this (story|article|post) on\b",
    ),
    "tags": (None, r"this entry was posted in |bookmark the permalink|is filed under "),
    # "E-mail this story" forms: "Your Email: Your Email is Required.", "Send a copy to my email"
    "share": (
        r"(?:to email|your name|your e-?mail|friend['’]?s e-?mail|recipient['’]?s e-?mail)( address)?:|send a copy to my e-?mail"
        r"|(bookmark|share)( ?/ ?search)? this (post|story|article) (with|on):|del\.icio\.us\b.{0,40}$|digg this\b.{0,40}$"
        r"|\W{0,2}follow (us|me) (@\w+|on (twitter|facebook|instagram))|(you should )?like (us|[\w .'-]{1,40}) on facebook( here)?\W*$"
        r"|\W{0,2}follow @\w+\b",  # "Follow @NBCNewsWorld", "Follow @sbnbaseball on Twitter, and Like ... on Facebook."
        r"a valid e-?mail address is required|will not store your e-?mail address"
        r"|if you (enjoyed|liked) this (article|post|story),? (please )?share it\b|enter your friend['’]?s e-?mail( address)?"
        # "Share this: Digg | del.icio.us | ...", and what an e-mail-this-story form promises
        r"|^\W{0,2}share this: |used only to send the requested e-?mail|notify the recipient of the article"
        r"|separate multiple e-?mails with (a )?commas?",
    ),
    "legal": (
        # "© 2008 AFP", "(c) Copyright Clubcall.com 2006": the copyright of the text, not a photo credit
        r"all (content|material) copyright\b|disclaimer:|(©|\(c\))\s*(copyright\b|\d{4}\b)|copyright\s*(©|\(c\)|\d{4}\b)"
        # a paper's print-edition note: "A version of this article appeared July 24, 2012, on page A2 ..."
        r"|a version of this (article|review|story|column|essay) (appear(s|ed) in print on|appeared \w+ \d|appeared on page)",
        r"all rights reserved|this material may not be (published|reproduced|redistributed)"
        # the blog platform's footer: "Inside AdWords is powered by Blogger. Start your own blog."
        r"|\bpowered by blogger\. start your own blog\b|by using this (site|website), you agree"
        r"|we use cookies|this (site|website) uses cookies|personal data in accordance with"
        r"|(is|are) not responsible for the content of external|the opinions expressed (here|in this|on this)"
        r"|the full (article|text) (contains|is) \d+ words"
        r"|this copy is for your personal,? non-commercial use only"
        r"|this (web)?site is supported,? in part,? by (affiliate|advertis)",  # an affiliate disclosure
    ),
    # (and a line ending "- Join now!", "| Shop now": _AD_SUFFIX, tested apart so that the line-start
    # pattern never has to scan a whole line)
    "advertisement": (r"sponsored:|advertisement:", None),
    "donation": (
        r"(please )?(donate|support) [\w ]{0,30}(today|now)\b|support \w+ to help\b|become a (patron|member|supporter)\b"
        r"|make a (one-time |monthly )?donation\b|consider a donation\b",
        None,
    ),
    "related-links": (
        r"read more:|read also:|see also:|related:|watch:|listen:|more:|click here to"
        r"|(the )?story continue[sd] below( advertisement)?\W*$|continue reading (the main story|below)\b|(interested in .{1,40}\? )?add .{1,40} as an interest to stay up to date"
        # a newsroom's calls to action: "Send us a secure tip...", "Stay with WKMG for more on this story."
        r"|send us a (secure |news )?tip\b|(watch .{1,40} and )?stay with [\w. ]{2,40} for (more|updates|the latest)\b",
        None,
    ),
    "subscription": (
        r"(e-?mail|newsletter) sign ?up\b|by signing up,? you agree to receive"
        r"|breaking news (e-?mails|alerts)\b|get breaking news alerts|the news and stories that matter, delivered"
        r"|subscribe to our (daily |weekly )?(e-?mail|newsletter)|free trial\. "
        # alerts by text message: "Text FIRST to 622639 to sign up for alerts"
        r"|\btext [a-z]+ to \d{5,6}\b,? to (sign up|subscribe|get|receive)\b"
        r"|(if you (enjoyed|liked) this (article|post),? )?(or )?enter your e-?mail( address)? (below )?to (get|receive)\b"
        # "Sign up for free email updates and be entered to win ...", "If you're new here, you may want to subscribe to ..."
        r"|sign up for (free )?e-?mail updates\b|if you'?re new here,? you (may|might) want to subscribe\b"
        r"|(updates|posts|recipes|printables|news)( and [\w ]{1,30})? delivered (straight |right |directly )?to your inbox\b",
        # "To receive these entries once a month by e-mail, sign up for the Crypto-Gram Newsletter."
        r"\b(?:you|and) can unsubscribe at any ?time\W*$|\bsign up for (?:the |our )?[\w -]{0,40}newsletter\b",
    ),
    "photo-credit": (r"©|\(c\) |\(?photo( credit)?:|\(?image( credit)?:|\(?credit:|picture:|source: (ap|reuters|afp|getty)", r"[.,;] photographer: "),
    # What a browser shows instead of the article: error pages, script and browser notices, the
    # furniture of embedded videos and posts, and web-archive banners on pages scraped from an archive.
    "page-notice": (
        r"(sorry, )?(the|this) page you (requested|are looking for|were looking for) (was|is|could) not( be)? found"
        r"|(error )?404\b.{0,20}(page )?not found|page not found\b|please check the url for proper spelling"
        r"|(we'?ve detected that |it looks like )?javascript is (disabled|turned off|not enabled)|please (enable|turn on) javascript"
        r"|(media|video|this (video|content|player)) requires javascript( and [\w ]{1,30})? to (play|view|be viewed)"
        r"|this (site|page) requires that javascript be enabled|to find reference information about the words used in this"
        r"|your browser (does not|doesn'?t) support|would you like to proceed to legacy twitter"
        r"|(when you )?tweet with a location\b|the interactive transcript could not be loaded|rating is available when the video has been rented"
        r"|this (feature|video) is not available right now|you can add location information to your tweets"
        r"|starting in \d{4}, alexa internet has been donating|these crawls are part of an effort to archive"
        r"|the goal is to fix all broken links on the web|crawls of supported .no more 404. sites"
        r"|thank you for your interest in spreading the word|note: we only request your e-?mail address"
        r"|you always have the option to delete your tweet location history|flowing in every day, these data are added to the wayback"
        r"|that way, as the pages that are referenced are changed|then the internet archive hopes|please try again later\.?$"
        r"|(in order to view this (feature|content|video), )?you (must|need to) (download|install|upgrade)( to)? the latest version of (adobe )?flash"
        r"|this (story|page|article) contains (a piece of )?media that requires|if these are available but disabled, please enable them"
        r"|this (image|video|photo|gallery) (contains|may contain) graphic (content|images)",
        None,
    ),
}

# Both tables are written in lower case and matched against lower-cased lines: case-sensitive
# matching of a lowered line is 2-4x faster than IGNORECASE matching of the original.
_REASON_ORDER = {reason: k for k, reason in enumerate(_ANY_LINE)}
# A teaser for a longer text elsewhere ends in the link to it: "... Read more »", "Keep reading →".
# A sentence that ends "... read more." is prose, and not among these.
_TEASER_ENDINGS = tuple(
    f"{link}{arrow}"
    for link in ("read more", "keep reading", "continue reading", "read full story", "read full article", "read article")
    for arrow in ("", " »", "»", " ›", " →", "→", " >", " >>", "...", "…", " ►", " ▶")
) + ("learn more »", "learn more →")
# A teaser cut off mid-sentence, then its link and arrows: "... must have been a… Read Article ► → 10".
_CUT_TEASER = re.compile(r"(?:…|\.\.\.)\s*(?:[\w’']+\s){0,3}[\w’']+\s*[►▶»›→]+[\s►▶»›→\d]*$")
_AD_SUFFIX = re.compile(r"\s[-|–]\s*(join|apply|shop|buy|order|subscribe) now!?$")
# All line starts in one pattern (named alternatives in reason order, so the first that matches is
# the earliest reason; each first character tries only the alternatives that can start with it),
# and the phrases that may sit anywhere, one search each.
_ANY_LINE_START = FirstCharacterDispatch({reason.replace("-", "_"): start for reason, (start, _) in _ANY_LINE.items() if start})
_ANY_LINE_ANYWHERE = [
    (reason, re.compile(anywhere), None if (lits := required_literals(re.compile(anywhere))) is None else frozenset(lits))
    for reason, (_, anywhere) in _ANY_LINE.items()
    if anywhere
]
# Which of the phrases' literals a line holds, found from its tokens (see `LiteralIndex`). When
# every phrase needs one of them, a line with none skips the whole loop.
_ANYWHERE_INDEX = LiteralIndex(tuple(sorted({lit for _, _, lits in _ANY_LINE_ANYWHERE for lit in lits or ()})), STOPWORDS)
_ANYWHERE_NEEDS_LITERALS = all(lits is not None for _, _, lits in _ANY_LINE_ANYWHERE)
# One pass per line instead of one per reason: named alternatives, tried in the order above (those
# that can start with the line's first character).
_SHORT_LINE_ONE = FirstCharacterDispatch({k.replace("-", "_"): p for k, p in _SHORT_LINE.items()})
# A reporting credit closing a story: "CNN's Jane Doe contributed to this report.", "Additional
# reporting by Jane Doe", "(Reporting by Jane Doe; Editing by John Roe)", "Reach Jane Doe at 555-726-5986".
# Tested only on lines holding one of its key words (`_CREDIT_WORDS`).
_REPORTING_CREDIT = re.compile(
    r"\W*(?:[\w.'’,-]+ ){1,14}contributed (?:additional )?(?:reporting|to this (?:report|story|article))(?: from [\w ,.'’-]{1,60})?\.?\W*$"
    r"|\W*additional reporting by\b"
    r"|\W*reporting by [^;()]{3,80}; (?:additional reporting by|editing by|writing by)\b"
    r"|\W*(?:writing|editing) by [\w .,'’-]{3,80}\W*$"
    r"|\W*reach [\w .'’-]{3,40} at (?:\S+@\S+|\(?\d{3}\)?[ -]\d{3}-\d{4})"
)
_CREDIT_WORDS = ("contributed", "reporting by", "editing by", "writing by", "reach ")
# Credits such as "AP Photo/Jane Doe" need a slash: the expensive search runs only on lines with one.
_SLASH_CREDIT = re.compile(
    r"\b(ap|afp|reuters|getty images|epa|shutterstock|sputnik)\s*(photo)?\s*/\s*[a-z]|\bphoto(graph)?:? [A-Za-z .]+/ ?(ap|reuters|afp|getty)",
    re.IGNORECASE,
)

#: Words of site furniture: many distinct ones in a single long line mean a policy/legal/UI text.
FURNITURE_WORDS = frozenset(
    """user users comment comments commenting account accounts moderator moderators moderation registration register
    password login log privacy cookie cookies policy website websites site subscribe subscription newsletter
    email e-mail unsubscribe terms administration posts posted post spam trolling flood profanity personal data
    consent captcha avatar browser javascript notifications notification""".split()
)

#: Lines that end an article: what follows is usually page furniture (unless it is clearly article text).
END_MARKERS = re.compile(
    r"^(?:related(?: (?:articles|stories|posts|content))?:?|tags?:.*|community standards(?:discussion)?|leave a (?:reply|comment)"
    r"|comments?|you may also like:?|recommended(?: for you)?:?|more stories|join the mailing list|join the discussion"
    r"|this entry was posted in .*|about the author|share this:?|like this:?|\d+ comments?|post navigation"
    r"|most (?:read|popular|viewed)|what to read next|from around the web|promoted stories|related posts:?"
    r"|share and discuss.*|join the conversation|comment via .*|tagged (?:with|as|under):? .*|(?:\d+ )?comments so far\b.*"
    r"|read the rest of (?:this|the) (?:post|article|story|entry)\b.*"
    r"|trackbacks?|trackback url for this (?:entry|post):?|listed below are links to (?:weblogs|blogs|sites) that reference .*)$",
    re.IGNORECASE,
)

#: The pager a blog platform prints under a single post, after its comments ("Newer Post Older Post
#: Home", "Subscribe to: Post Comments (Atom)" on Blogger): below it there is only the blog's sidebar.
POST_PAGER = re.compile(r"^(?:(?:newer post )?older post home|newer post home|subscribe to: post comments \(atom\))$", re.IGNORECASE)

#: "<Outlet> copy" lines that some scrapers append, and "Source: Outlet".
PUBLISHER_LINE = re.compile(r"^(?:([A-Z][\w.&' -]{1,40}?) copy|source: ([A-Z][\w.&' -]{1,40}))$", re.IGNORECASE)
PUBLISHER_LINE_MAX = 49  # the longest line PUBLISHER_LINE can match ("source: " and 41 characters)

#: Line at the head that looks like a publisher name ("Sputnik News", "The Daily Herald").
PUBLISHER_NAME = re.compile(
    r"^(?:the )?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3} (?:News|Times|Post|Daily|Herald|Journal|Tribune|Gazette|Agency"
    r"|Press|Wire|TV|Radio|Online|Today|Observer|Telegraph|Chronicle|Insider|Report|Review|Media|Network|Courier|Standard"
    r"|Mirror|Sun|Star|Express|Guardian|Independent|Monitor|Bulletin|Record|Dispatch|Examiner|Inquirer|Sentinel"
    r"|Courant|Ledger|Globe|Mail|Telegram|Register|Tribune|Herald|Leader|Voice|Messenger|Enquirer|Digest|Weekly)$"
)

BYLINE = re.compile(
    r"^(?:by|written by|posted by|author:)\s+([A-Z][a-zA-Z'.-]+(?: [A-Z][a-zA-Z'.-]+){1,3})(?:\s*(?:,|\||-|–|and)\s*.*)?$",
    re.IGNORECASE,
)


def short_line_reason(line: str) -> str | None:
    """Reason code if a short line is page furniture by what it says, else None."""
    key = line.strip().strip("•·|<>«»‹›-–—*").strip().lower()
    key = " ".join(key.split())
    if not key:
        return "fragment"
    m = _SHORT_LINE_ONE.fullmatch(key)
    return m.lastgroup.replace("_", "-") if m else None


def any_line_reason(line: str, toks: list[str] | None = None) -> str | None:
    """Reason code for furniture recognisable in a line of any length (`toks`: its `tokens`, when
    the caller has them)."""
    low = line.lower()
    m = _ANY_LINE_START.match(low)
    start_reason = m.lastgroup.replace("_", "-") if m else None
    if (
        low.endswith(("now", "now!"))
        and (start_reason is None or _REASON_ORDER[start_reason] > _REASON_ORDER["advertisement"])
        and _AD_SUFFIX.search(low)
    ):
        start_reason = "advertisement"
    present = _ANYWHERE_INDEX.found(low, tokens(line) if toks is None else toks)
    anywhere = _ANY_LINE_ANYWHERE if present or not _ANYWHERE_NEEDS_LITERALS else ()
    for reason, pattern, literals in anywhere:
        if start_reason is not None and _REASON_ORDER[reason] > _REASON_ORDER[start_reason]:
            break
        if literals is not None and literals.isdisjoint(present):
            continue  # none of the phrases can be in the line: no search
        if pattern.search(low):
            return reason
    if start_reason is not None:
        return start_reason
    if low.endswith(_TEASER_ENDINGS) or (("…" in low or "..." in low) and _CUT_TEASER.search(low)):
        return "related-links"
    if any(w in low for w in _CREDIT_WORDS) and _REPORTING_CREDIT.match(low):
        return "byline"
    if "/" in line and _SLASH_CREDIT.search(line):
        return "photo-credit"
    return None


# A site's or its author's standing self-description, printed beside every post: a self-
# introduction ("Hi, I'm Becky.", "My name is Jo Roe and I'm a researcher at ...") that talks about
# the blog or site, or a welcome to the site for first-time visitors. A "Welcome to the London
# marathon" live report or a reader's "My name is Ricardo, I am 31" in an article is neither.
_SELF_INTRO = re.compile(
    r"(?:hi|hello|hey|welcome)\W{0,3}\s*(?:there\W{0,3}\s*)?(?:i'm|i am|my name is)\s|my name is [\w.' -]{2,40}? and i(?:'m| am)\s",
    re.IGNORECASE,
)
_ABOUT_THE_SITE = re.compile(r"\b(?:blog|blogs|blogging|blogger|website|portfolio|rss|here on|this site)\b", re.IGNORECASE)
_SITE_WELCOME = re.compile(
    r"welcome to [^.!?]{2,60}?[!.,]?\s.{0,120}?\b(?:first time (?:here|visiting)|new here|where we bring you|the official blog"
    r"|you'll find|you will find|learn (?:more )?about (?:me|us)|read my story)\b",
    re.IGNORECASE,
)


# An author box: its header glued to the bio, "About Jo Roe Jo Roe is the author of ...". (An
# "About the author:" note under a guest post is about the article's own author: it may stay.)
_AUTHOR_BOX = re.compile(r"(?i:about) (?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}):? (?P=name) ")


def is_site_bio(line: str) -> bool:
    """The site's or its author's self-description (reason "site-bio")."""
    if line[:1] not in "HhMmWwAa":  # every form opens with hi/hello/hey, my name, welcome or about: skip the patterns
        return False
    if line[:1] in "Aa":
        return _AUTHOR_BOX.match(line) is not None
    if _SELF_INTRO.match(line):
        return _ABOUT_THE_SITE.search(line) is not None
    return _SITE_WELCOME.match(line) is not None


def furniture_density(tokens: list[str]) -> tuple[int, float]:
    """Distinct furniture words in a line, and their share of its tokens."""
    distinct = len(FURNITURE_WORDS.intersection(tokens))
    if not distinct:
        return 0, 0.0
    return distinct, sum(map(FURNITURE_WORDS.__contains__, tokens)) / len(tokens)


#: Headers that open a reader-comment section ("Comments (7)", "Leave a Reply", "Post a Comment").
COMMENTS_HEADER = re.compile(
    r"^[{(\[]?\s*\d+ comments?\b.{0,60}$"
    r"|^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion)(?:\s*\(\d+\))?:?"
    r"(?:\s+(?:to|on)\s+.{1,80})?\s*[»›]?$|^(?:leave|post|add|write) (?:a|your) (?:reply|comment|response)\b.*$"
    r"|^join the (?:conversation|discussion)$|^what do you think\?$|^\d+ (?:thoughts|responses|replies) (?:on|to) .*$",
    re.IGNORECASE,
)

#: A comment header that counts the comments ("{ 167 comments }", "12 Responses to ...", "Comments (7)",
#: "45 users responded in ...", "Filed under: Travel | 48 Comments »"):
#: evidence enough on its own once the article has begun.
COUNTED_COMMENTS_HEADER = re.compile(
    r"^[{(\[]?\s*\d+\s+(?:users?\s+)?(?:comments?|responses?|responded|replies|thoughts)\b.{0,80}$"
    r"|^\d+\s+(?:comments?|responses?|replies|thoughts)\s+(?:to|on)\s+[\"“‘']?[^\W\d_].{0,200}$"
    r"|^(?:reader )?comments?\s*\(\d+\)\s*:?$|^.{0,80}[|·]\s*\d+\s+(?:comments?|responses?)\s*[»›]?$",
    re.IGNORECASE,
)

#: "Comments are now closed for this story": the article is over; what follows is its comments.
COMMENTS_CLOSED = re.compile(
    r"^\W*comments (?:are|have)(?: now)?(?: been)? closed\b.{0,60}$"
    # A disclaimer that heads a comment thread: "The following comments are owned by whoever posted them."
    r"|^.{0,30}\bthe following comments are (?:owned by|the (?:sole )?responsibility of|the opinions? of)\b.{0,120}$",
    re.IGNORECASE,
)

#: Signature lines of a single reader comment: "Emily says:", "Kevin said,", "Posted by: nabeel | 09/22/2012",
#: "2. The Keeper - October 26, 2012",
#: "Comment #2 - Posted by", "[ Reply ]", "Heather on October 23rd, 2012 1:37 pm".
_SIGNATURE = re.compile(
    r"^.{1,80}\b(?:says|said|wrote|writes)\s*[:,]?\s*(?:\.\.\.|…)?\s*$|^\d{1,4}\.\s+.{1,80}\s[-–]\s+\w+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}$|^(?:comment\s*#?\s*\d+\s*[-–:]?\s*)?posted by:?\s.{1,80}$"
    r"|^\[?\s*(?:reply|reply #|like|report|permalink|flag|quote)\s*\]?(?:\s*[|·]\s*\w+){0,3}$|^.{0,80}\breply\s*#?$"
    r"|^.{0,100}\breply actions$|^.{0,60}\bpermalink$",
    re.IGNORECASE,
)
#: A commenter's website or profile and name, nothing else: "http://twitter.com/jdoe Jane Doe".
_LINKED_NAME = re.compile(r"^https?://\S+\s+[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3}$")
_NOT_NAME_START = frozenset("by the a an on in at of for to from posted updated published last next this".split())
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A name and a date, nothing else: "Jermaine 07 Nov 12", "Cristine on October 2, 2012", "Luke, on
#: November 7th, 2012 // Twitter: @luke".
_NAME_AND_DATE = re.compile(
    rf"^(?P<name>[^\d|:]{{2,40}}?)\s+(?:\d{{1,2}} {_MONTH} \d{{2}}(?:\d{{2}})?|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}})\s*(?:[,|·]|//(?:\s*twitter:\s*@\w+)?)?\s*$",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(
    r"^.{0,60}(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\s*(?:[|·-].{0,30})?$",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_SIGNATURE_WORDS = ("says", "said", "wrote", "writes", "posted by", "reply", "like", "report", "permalink", "flag", "quote", "http")
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s")
_NOT_A_NAME = frozenset(
    """am pm at on by posted updated gmt utc bst edt est cst pst cet ago minutes minute hours hour days day weeks week
    months month years year jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july
    august september october november december monday tuesday wednesday thursday friday saturday sunday today
    yesterday st nd rd th""".split()
)


def is_comment_signature(line: str) -> bool:
    """A reader comment's signature line; a bare timestamp ("4:33 PM") is not enough, it needs a name."""
    if not _HAS_DIGIT.search(line) and not any(w in line.lower() for w in _SIGNATURE_WORDS):
        return False  # every signature form has a digit or one of these words: skip the costly patterns
    if _SIGNATURE.match(line) or _LINKED_NAME.match(line):
        return True
    m = _NAME_AND_DATE.match(line)
    if m:
        name = _LETTERS.findall(m.group("name"))
        if name and name[0].lower() not in _NOT_NAME_START and _has_name_word(name):
            return True
    if _TIMESTAMP.match(line) and not _NUMBERED_ITEM.match(line):  # "1. Tsegaye Kebede - 2:04:38" is a result
        return _has_name_word(_LETTERS.findall(line))
    return False


_LETTERS = re.compile(r"[^\W\d_]+")


def _has_name_word(words: list[str]) -> bool:
    """Some word of three letters or more that is not a date or time word: a name is there."""
    return any(len(w) >= 3 and w.lower() not in _NOT_A_NAME for w in words)
