"The offline site (tools/book_site.py): built from the committed notebooks and checked in headless Chromium."
import json, os, shutil, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'tools'))
import book_site, chapter_header  # noqa: E402

CHROMIUM = os.environ.get('SAMI_CHROMIUM') or shutil.which('chromium') or '/usr/bin/chromium'
NEED_BROWSER = os.environ.get('SAMI_SITE_TEST') == 'required'   # set by .ci/run, which installs Chromium


def test_prepare_hides_what_nbdev_hides():
    nb = {'cells': [
        {'cell_type': 'raw', 'metadata': {}, 'source': "---\ntitle: T\ndescription: D\noutput-file: t.html\n---"},
        {'cell_type': 'code', 'metadata': {}, 'outputs': [], 'source': '#| export\ndef secret(): pass'},
        {'cell_type': 'code', 'metadata': {}, 'outputs': [], 'source': '#| hide\nx = 1'},
        {'cell_type': 'code', 'metadata': {}, 'outputs': [{'output_type': 'stream', 'name': 'stdout', 'text': 'hi'}],
         'source': '#| echo: false\nprint("hi")'},
        {'cell_type': 'code', 'metadata': {}, 'outputs': [], 'source': '# NBVAL_CHECK_OUTPUT\ny = 2'},
        {'cell_type': 'markdown', 'metadata': {}, 'source': '[source](http://x){target="_blank"}'}]}
    meta, out = book_site.prepare(nb)
    assert meta == {'title': 'T', 'description': 'D', 'output-file': 't.html'}
    srcs = [c['source'] for c in out['cells']]
    assert srcs == ['print("hi")', 'y = 2', '<a href="http://x" target="_blank">source</a>'], srcs
    assert out['cells'][0]['metadata']['tags'] == ['remove_input']


def test_reading_order_lists_every_chapter():
    listed = [n for _, names in book_site.reading_order() for n in names]
    on_disk = sorted(p.name for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    assert sorted(listed) == on_disk and listed[0] == 'index.ipynb'


def test_chapter_headers():
    assert chapter_header.main(['--check']) == 0
    nb = json.loads((ROOT / 'nbs' / '10_disks.ipynb').read_text())
    assert 'blob/main/nbs/10_disks.ipynb' in ''.join(nb['cells'][1]['source'])
    broken = dict(nb, cells=nb['cells'][:1] + nb['cells'][2:])
    assert chapter_header.header_problems(broken, '10_disks.ipynb')


@pytest.fixture(scope='module')
def site(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if NEED_BROWSER: pytest.fail(f'Chromium not found at {CHROMIUM}')
        pytest.skip('Chromium is not installed (.ci/run installs it)')
    out = tmp_path_factory.mktemp('site')
    pages = book_site.build(out)
    return out, pages


def test_site_pages_render_in_chromium(site):
    out, pages = site
    assert [p['href'] for p in pages][0] == 'index.html' and len(pages) == len(list((ROOT / 'nbs').glob('[!_]*.ipynb')))
    shots = ROOT / 'figures' / 'site' if os.environ.get('SAMI_SITE_SCREENSHOTS') else out / 'shots'
    problems = book_site.check(out, screenshots=shots, chromium=CHROMIUM)
    assert set(problems) == {p['href'] for p in pages}
    assert not any(problems.values()), {k: v for k, v in problems.items() if v}
    assert (shots / 'home.png').stat().st_size > 10_000


def test_site_check_catches_a_broken_page(site):
    out, pages = site
    bad = out / 'broken'
    shutil.copytree(out, bad)
    page = bad / 'disks.html'
    html = page.read_text().replace('mathjax/tex-svg-full.js', 'mathjax/missing.js').replace('src="data:image/png', 'src="nowhere.png" data-x="')
    page.write_text(html + '<p>#| export leaked</p>')
    problems = book_site.check(bad, chromium=CHROMIUM)['disks.html']
    assert any('MathJax' in p for p in problems) and any('images' in p for p in problems), problems
    assert any('directive' in p for p in problems), problems
