"""Run a chapter in a Jupyter kernel at a scale and write its outputs into the notebook (how committed outputs are made).

Usage: SAMI_SCALE=cpu python tools/run_chapter.py nbs/30_natural_images.ipynb [--out OUT.ipynb] [--timeout SECONDS]
The kernel runs in the notebook's folder with this process's environment (SAMI_SCALE, OMP_NUM_THREADS, ...). The notebook
is written only when every cell ran; run `nbdev_clean` before committing.
"""
import argparse, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('notebook', type=Path)
    p.add_argument('--out', type=Path, default=None, help='where to write the executed notebook (default: in place)')
    p.add_argument('--timeout', type=int, default=4 * 3600, help='seconds allowed per cell')
    a = p.parse_args(argv)
    src = a.notebook.resolve()
    if not src.exists(): p.error(f'no notebook at {src}')
    nb, t0 = nbformat.read(src, as_version=4), time.time()
    NotebookClient(nb, timeout=a.timeout, kernel_name='python3', resources={'metadata': {'path': str(src.parent)}}).execute()
    nbformat.write(nb, a.out or src)
    print(f'{src.name}: every cell ran in {(time.time() - t0) / 60:.1f} min; written to {a.out or src}')

if __name__ == '__main__': main()
