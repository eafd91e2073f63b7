"""Give every chapter the same opening: a title cell, an "Open in Colab" badge, and a hidden Colab install cell.

    python tools/chapter_header.py          # add or refresh the header cells of every chapter in nbs/
    python tools/chapter_header.py --check  # exit 1 if a chapter's header is missing or stale (run by the tests)

The title cell holds only `# Title` and `> description`: nbdev turns that cell into the page's front matter and
drops anything else in it, so prose after the description moves to a cell of its own.
"""
from __future__ import annotations
import argparse, configparser, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / 'nbs'
BADGE_MARK = 'colab-badge.svg'
INSTALL_MARK = '# Colab set-up'


def settings() -> dict:
    cp = configparser.ConfigParser(); cp.read(ROOT / 'settings.ini')
    return dict(cp['DEFAULT'])


def colab_url(name: str) -> str:
    "Where Colab opens chapter `name` (a notebook file name in nbs/) from the repository's main branch."
    s = settings()
    return f"https://colab.research.google.com/github/{s['user']}/{s['repo']}/blob/{s['branch']}/nbs/{name}"


def badge_source(name: str) -> str:
    return f"[![Open In Colab](https://colab.research.google.com/assets/{BADGE_MARK})]({colab_url(name)})"


def install_source() -> str:
    s = settings()
    url = s['git_url']
    return f"""#| hide
#| eval: false
{INSTALL_MARK} (Colab only; nbdev skips it): install the repository and work in its nbs/; on a GPU, SAMI_SCALE=paper.
import os, subprocess, sys
if 'google.colab' in sys.modules:
    repo = '/content/{s['repo']}'
    if not os.path.exists(repo):
        subprocess.run(['git', 'clone', '-q', '--depth', '1', '{url}', repo], check=True)
        subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '-e', repo], check=True)
    sys.path.insert(0, repo); os.chdir(f'{{repo}}/nbs')   # importable without restarting the kernel"""


def chapters() -> list[Path]:
    return sorted(p for p in NBS.glob('*.ipynb') if not p.name.startswith('_') and p.name != 'index.ipynb')


def _lines(source: str) -> list[str]: return source.splitlines(keepends=True)

def _cell(kind: str, source: str, cell_id: str) -> dict:
    c = dict(cell_type=kind, id=cell_id, metadata={}, source=_lines(source))
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c


def header_problems(nb: dict, name: str) -> list[str]:
    "What is wrong with a chapter's first three cells ([] when the header is right)."
    cells, bad = nb['cells'], []
    first = ''.join(cells[0]['source']) if cells else ''
    if not re.fullmatch(r'# [^\n]+\n\n> [^\n]+\n?', first): bad.append("cell 1 must hold only '# Title' and '> description'")
    if len(cells) < 3 or ''.join(cells[1]['source']) != badge_source(name): bad.append('cell 2 must be the Colab badge')
    if len(cells) < 3 or ''.join(cells[2]['source']) != install_source(): bad.append('cell 3 must be the Colab install cell')
    return bad


def fix(nb: dict, name: str) -> dict:
    cells = [c for c in nb['cells'] if BADGE_MARK not in ''.join(c['source']) and INSTALL_MARK not in ''.join(c['source'])]
    first = ''.join(cells[0]['source'])
    m = re.match(r'(# [^\n]+\n\n> [^\n]+)\n*(.*)', first, re.S)
    if not m: raise ValueError(f"{name}: the first cell must start with '# Title' and a '> description' line")
    head, rest = m.group(1), m.group(2).strip()
    cells = [dict(cells[0], source=_lines(head)), _cell('markdown', badge_source(name), 'colab-badge'),
             _cell('code', install_source(), 'colab-setup')] + ([_cell('markdown', rest, 'intro')] if rest else []) + cells[1:]
    return dict(nb, cells=cells)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args(argv)
    status = 0
    for p in chapters():
        nb = json.loads(p.read_text())
        bad = header_problems(nb, p.name)
        if not bad: continue
        if a.check:
            print(f"{p.name}: {'; '.join(bad)} (run python tools/chapter_header.py)"); status = 1
        else:
            p.write_text(json.dumps(fix(nb, p.name), indent=1, ensure_ascii=False) + '\n'); print(f"updated {p.name}")
    return status


if __name__ == '__main__':
    sys.exit(main())
