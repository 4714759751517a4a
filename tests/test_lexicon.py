"""Lexicons: per-language TOML files compiled into matchers; UI phrases merged across languages."""

from __future__ import annotations

import pytest

from cleaner.config import ConfigError
from cleaner.lexicon import CONCERNS, fold_accents, line_key, load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_bundled_languages(lexicon):
    """fr, en, es and de are languages; the shared 'common' file adds phrases but no language."""
    assert {"fr", "en", "es", "de"} <= set(lexicon.languages)
    assert "common" not in lexicon.languages
    assert set(CONCERNS) <= set(lexicon.phrases)


def test_line_key_ignores_case_edges_and_space_runs():
    """Case, edge punctuation and repeated spaces do not matter."""
    assert line_key("  — Menu —  ") == "menu"
    assert line_key("Skip   to  MAIN content!") == "skip to main content"
    assert line_key("« À lire aussi »") == "à lire aussi"


def test_whole_line_phrases(lexicon):
    """A line matches when it is exactly a phrase, case and edge punctuation aside; not when it only contains one."""
    nav = lexicon["navigation"]
    assert nav.is_line("MENU")
    assert nav.is_line("Skip to main content")
    assert not nav.is_line("Menu principal du site de la ville")


def test_ui_phrases_are_merged_across_languages(lexicon):
    """A French page can carry a Spanish comment form: every language's phrases are loaded together."""
    comments = lexicon["comments"]
    for line in ("Laisser un commentaire", "Leave a reply", "Deja una respuesta", "Schreibe einen Kommentar"):
        assert comments.is_line(line), line


def test_patterns_are_case_insensitive(lexicon):
    """Comment count headers match in any case and with thousands separators."""
    comments = lexicon["comments"]
    assert comments.search("44 commentaires")
    assert comments.search("1,234 COMMENTS")
    assert comments.search("12 comentarios")
    assert not comments.search("Les commentaires des habitants ont été nombreux.")


def test_prefixes_match_at_line_start_only(lexicon):
    """A prefix matches the start of a line and whole words only."""
    nav = lexicon["navigation"]
    assert nav.prefix("Skip to the search form")
    assert nav.prefix("Il vous reste 80 % de cet article à lire")
    assert not nav.prefix("Readers asked us to skip to the end")


def test_prefixes_tolerate_apostrophe_variants(lexicon):
    """A prefix written with an apostrophe ("Fil d'Ariane") matches straight and curly apostrophes."""
    nav = lexicon["navigation"]
    assert nav.prefix("Fil d'Ariane : Accueil › Société")
    assert nav.prefix("Fil d’Ariane : Accueil › Société")


def test_month_names_fold_case_and_accents(lexicon):
    """'février' and 'fevrier', 'März' and 'marz' are the same month."""
    assert fold_accents("Février") == "fevrier"
    assert lexicon.months[fold_accents("février")] == 2
    assert lexicon.months[fold_accents("März")] == 3
    assert lexicon.months["julio"] == 7
    assert lexicon.months["july"] == 7


def test_stopword_index_and_abbreviations(lexicon):
    """Stopwords are indexed per language; abbreviations of every language are merged."""
    assert lexicon.stopword_langs["the"] == ("en",)
    assert {"es", "fr"} <= set(lexicon.stopword_langs["de"])
    assert "en" not in lexicon.stopword_langs["de"]
    assert lexicon.stopwords("fr") >= {"le", "la", "les"}
    assert lexicon.stopwords("xx") == frozenset()
    assert {"M", "Mr", "Sr", "Dr"} <= lexicon.abbreviations


def test_ui_words_come_from_phrases(lexicon):
    """Words of UI phrases are known, so the normalizer can unglue labels."""
    assert {"source", "filtrer"} <= lexicon.ui_words


def test_extra_lexicon_file_adds_phrases(tmp_path):
    """A user file in the same format adds its phrases to the bundled ones."""
    extra = tmp_path / "site.toml"
    extra.write_text('[navigation]\nlines = ["Zum Wetterbericht"]\n', encoding="utf-8")
    lx = load_lexicon((str(extra),))
    assert lx["navigation"].is_line("Zum Wetterbericht")
    assert lx["navigation"].is_line("Menu")
    assert not load_lexicon()["navigation"].is_line("Zum Wetterbericht")


def test_extra_lexicon_new_language(tmp_path):
    """A new language is a new data file, no code."""
    extra = tmp_path / "it.toml"
    extra.write_text(
        'lang = "it"\nname = "Italian"\nstopwords = ["il", "di", "che"]\n'
        '[related]\nlines = ["Leggi anche"]\n[metadata]\nmonths = { luglio = 7 }\n',
        encoding="utf-8",
    )
    lx = load_lexicon((str(extra),))
    assert "it" in lx.languages
    assert lx["related"].is_line("Leggi anche")
    assert lx.months["luglio"] == 7
    assert "it" in lx.stopword_langs["che"]


def test_bad_regex_in_extra_lexicon(tmp_path):
    """A broken regex is a ConfigError naming the file."""
    extra = tmp_path / "broken.toml"
    extra.write_text("[navigation]\npatterns = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        load_lexicon((str(extra),))


def test_missing_or_invalid_lexicon_file(tmp_path):
    """An unreadable or invalid TOML lexicon is a ConfigError, not a crash."""
    with pytest.raises(ConfigError):
        load_lexicon((str(tmp_path / "missing.toml"),))
    bad = tmp_path / "bad.toml"
    bad.write_text("[navigation\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_lexicon((str(bad),))


def test_round_five_furniture_phrases(lexicon):
    """Download links with their size, cookie banner headings, paywall offers, Pinterest prompts, form
    fields that need their asterisk; prose with the same words is left alone."""
    nav, cta, form = lexicon["navigation"], lexicon["calls_to_action"], lexicon["comment_lines"]
    assert nav.search("Pressefoto herunterladen (JPG, 2 MB)")
    assert nav.search("Rapport annuel 2024 (PDF, 1,4 Mo)")
    assert not nav.search("The report (a PDF of 2 MB) was published on Monday and read by thousands of people.")
    assert nav.search("Cookies on ARDEN.GOV")
    assert cta.search("Suscríbete por 1 € al mes")
    assert cta.search("Sie haben Ihre freien Artikel für diesen Monat aufgebraucht.")
    assert cta.search("Épinglez-moi sur Pinterest !")
    assert form.search("Name *") and form.search("Email (required)")
    assert not form.search("Name")  # a table's column


def test_round_six_furniture_phrases(lexicon):
    """Feedback widgets and their yes/no buttons, author archive links, similar-thread headers and
    XenForo's quote expander, in the four lexicon languages; prose with the same words is left alone."""
    cta, related, nav = lexicon["calls_to_action"], lexicon["related"], lexicon["navigation"]
    for prompt in ("Was this article helpful?", "War dieser Artikel hilfreich?", "¿Te ha resultado útil?"):
        assert cta.search(prompt), prompt
    assert cta.search("Cet article vous a-t-il été utile ?")
    assert cta.search("Ja Nein") and cta.search("Yes / No") and cta.search("Oui Non")
    assert not cta.search("Was this article helpful to the minister, who had asked for it in March? Not really.")
    assert related.search("Alle Artikel von Jana Oltmanns") and related.search("View all posts by Jane Doe")
    assert related.search("Tous les articles de Anouk Ferrand") and related.search("Todos los artículos de Ana Ruiz")
    assert not related.search("Alle Artikel von der Liste wurden gestrichen, sagte die Sprecherin am Montag.")
    assert related.is_line("Similar threads") and related.is_line("Temas similares")
    assert nav.search("Click to expand...")


def test_a_row_of_buttons_is_made_of_whole_line_phrases(lexicon):
    """'Zitieren Antworten Melden' is three post actions copied on one line; a sentence made of the
    same words, a single phrase, or words that are no phrases are no row."""
    actions = lexicon["comment_lines"]
    assert actions.is_row("Zitieren Antworten Melden") and actions.is_row("Like Quote Reply Report")
    assert actions.is_row("Reply · Report")
    assert not actions.is_row("Reply")  # one phrase: is_line's business
    assert not actions.is_row("Reply to the council by Friday")
    nav = lexicon["navigation"]
    assert nav.search("Danke: 9") and nav.search("Likes: 12") and nav.search("Me gusta: 4")


def test_round_eight_furniture_phrases(lexicon):
    """Aggregator and wire chrome, helpful counts, sort boxes, comment moderation notes, affiliate
    notes in the plural, verification dates; prose with the same words is left alone."""
    nav, lines = lexicon["navigation"], lexicon["comment_lines"]
    assert nav.is_line("Expand user menu") and nav.is_line("News provided by") and nav.is_line("Tweet this")
    assert nav.prefix("Sort by: Best") and nav.prefix("Sortieren nach: Hilfreichste")
    assert nav.search("Hilfreich (12)") and nav.is_line("Partager la page")
    assert lines.search("Comments are moderated. Please read our community guidelines before posting.")
    assert lines.search("Les commentaires sont modérés avant publication.")
    assert not lines.search("The comments are moderated by volunteers, the report says.")
    assert lexicon["calls_to_action"].search(
        "Como afiliados de Amazon ganamos una comisión por las compras que cumplen los requisitos."
    ) or nav.search("Como afiliados de Amazon ganamos una comisión por las compras que cumplen los requisitos.")
    assert lines.is_row("Reply Report Like (34)")
    assert "vérifié le" in lexicon.updated


def test_feedback_prompt_needs_its_adjective(lexicon):
    cta = lexicon["calls_to_action"]
    assert cta.search("Was this article helpful?")
    assert not cta.search("Did you find the answer?") and not cta.search("Is the information?")


def test_round_nine_furniture_phrases(lexicon):
    """Instagram embeds, paywall and follow-us pitches, match tickers, Medium banners."""
    nav, cta = lexicon["navigation"], lexicon["calls_to_action"]
    assert nav.search("View this post on Instagram") and nav.search("Ver esta publicación en Instagram")
    assert nav.search("Ein Beitrag geteilt von Anna (@anna)") and nav.search("Member-only story")
    assert cta.search("Suscríbete para seguir disfrutando del mejor periodismo científico")
    assert cta.search("Get the latest Kestrel Bay news straight to your feed.")
    assert cta.search("Das Spiel im Liveticker")
    assert not nav.search("A post shared by thousands of readers was taken down on Monday, the company said.")
