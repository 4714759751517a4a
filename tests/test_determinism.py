"""Determinism and idempotence: same input, same bytes; clean article text comes through untouched."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT, SEEDS, assert_kept, cleaner_exe, records

ARTICLES = {
    "en": [
        "The river that crosses the old town burst its banks on Thursday night after three days of heavy rain, "
        "flooding the cellars of more than two hundred houses. Firefighters worked until dawn to pump out the "
        "water.",
        "Residents of the lower streets said they had been warned too late. Many of them had already moved their "
        "furniture upstairs when the first sirens sounded, and some chose to spend the night with relatives.",
        "The mayor promised that the town would pay for the cleaning of public buildings and asked the regional "
        "government to declare a state of natural disaster. Schools will stay closed until Monday.",
        "Engineers will inspect the two bridges over the river as soon as the water level drops. The railway line "
        "to the coast remains closed, and the company has organised buses for commuters.",
    ],
    "fr": [
        "La rivière qui traverse la vieille ville est sortie de son lit dans la nuit de jeudi à vendredi après "
        "trois jours de fortes pluies, inondant les caves de plus de deux cents maisons. Les pompiers ont "
        "travaillé jusqu'à l'aube.",
        "Les habitants des rues basses affirment avoir été prévenus trop tard. Beaucoup avaient déjà monté leurs "
        "meubles à l'étage quand les premières sirènes ont retenti, et certains ont dormi chez des proches.",
        "Le maire a promis que la commune prendrait en charge le nettoyage des bâtiments publics et a demandé "
        "la reconnaissance de l'état de catastrophe naturelle. Les écoles resteront fermées jusqu'à lundi.",
        "Des ingénieurs inspecteront les deux ponts dès que le niveau de l'eau aura baissé. La ligne de train "
        "vers la côte reste coupée, et la compagnie a mis en place des bus pour les voyageurs.",
    ],
    "es": [
        "El río que atraviesa el casco antiguo se desbordó el jueves por la noche después de tres días de lluvias "
        "intensas y anegó los sótanos de más de doscientas casas. Los bomberos trabajaron hasta el amanecer.",
        "Los vecinos de las calles bajas aseguran que recibieron el aviso demasiado tarde. Muchos ya habían subido "
        "sus muebles al piso de arriba cuando sonaron las primeras sirenas, y algunos durmieron en casa de "
        "familiares.",
        "El alcalde prometió que el ayuntamiento pagará la limpieza de los edificios públicos y pidió al gobierno "
        "regional que declare la zona catastrófica. Los colegios seguirán cerrados hasta el lunes.",
        "Los ingenieros revisarán los dos puentes en cuanto baje el nivel del agua. La línea de tren hacia la costa "
        "sigue cortada, y la compañía ha organizado autobuses para los viajeros.",
    ],
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_clean_article_keeps_every_paragraph(run, lang):
    """A plain four-paragraph article comes out whole: nothing of it is removed."""
    paragraphs = ARTICLES[lang]
    doc = run("\n\n".join(paragraphs) + "\n")
    assert doc.lang == lang
    assert_kept(doc, *paragraphs)
    assert doc.kept_text() == "\n".join(paragraphs)
    assert doc.removed_counts() == {}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_cleaning_clean_output_changes_nothing(run, lang):
    """Cleaning the output of a clean article again gives the same text."""
    once = run("\n\n".join(ARTICLES[lang]) + "\n").kept_text()
    assert run(once).kept_text() == once


def test_api_is_deterministic_in_process(run):
    """Two runs in one process give identical records."""
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    a, b = run(text), run(text)
    assert a.kept_text() == b.kept_text()
    assert a.removed_blocks() == b.removed_blocks()
    assert (a.title, a.date, a.lang, a.lang_confidence, a.page_type) == (
        b.title,
        b.date,
        b.lang,
        b.lang_confidence,
        b.page_type,
    )


def test_two_cli_runs_over_seeds_are_byte_identical():
    """`cleaner clean seeds/` twice, in fresh processes with different hash seeds: identical bytes."""
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        proc = subprocess.run(
            [cleaner_exe(), "clean", "-q", "seeds/"], cwd=ROOT, env=env, capture_output=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert len(records(outputs[0].decode("utf-8"))) == len(list(SEEDS.glob("*.txt")))
