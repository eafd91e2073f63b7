"""A paper-scale check for one GPU: train the `paper` disks preset for a fixed number of steps in bf16 and in float32,
then score each model with the disks protocol (the paper's ancestral sampler) and print one table: training and
sampling throughput (images per second) beside the protocol's numbers.

    python tools/gpu_check.py                      # paper preset, 2000 steps per precision, on the GPU
    python tools/gpu_check.py --steps 20000        # longer
    python tools/gpu_check.py --scale ci --steps 4 --device cpu --guides 8   # the dry run the tests do (seconds)

Needs nothing beyond the repository (the disks are rendered, nothing is downloaded). Runs land in --out (default runs/gpu_check).
"""
import argparse, json, sys, time
from pathlib import Path
import torch
from sami_nb.config import get_config, SCALES
from sami_nb.cli import preset_data
from sami_nb.train import train
from sami_nb.protocol import disks_protocol, protocol_rows


def check(scale:str='paper', steps:int=2000, device:str|None=None, out:str='runs/gpu_check', guides:int=64, per_guide:int=4) -> list:
    "One row per precision: training and sampling images per second, and the protocol's numbers (ancestral sampler)."
    rows = []
    for bf16 in (True, False):
        cfg = get_config('disks', scale, steps=steps, bf16=bf16, ckpt_every=steps)
        data = preset_data(cfg)
        model = train(cfg, data['train'], Path(out) / ('bf16' if bf16 else 'fp32'), device=device, progress=False)   # fresh: never an old run's numbers
        t0 = time.perf_counter()
        result = disks_protocol(model, n_guides=guides, n_per_guide=per_guide, n_codes=max(75, guides), bank_size=2000 if scale == 'ci' else 20_000)
        row = protocol_rows(result)['ancestral']
        rows.append({'precision': 'bf16' if bf16 else 'fp32', 'device': str(model.device), 'steps': model.step,
                     'train img/s': model.step * cfg.batch_size / max(model.wall_time, 1e-9),
                     'sample img/s': guides * per_guide / max(row['seconds'], 1e-9), 'protocol s': time.perf_counter() - t0,
                     **{f'R2 {k}': v for k, v in result['r2'].items()}}
                    | {k: row[k] for k in ('centre px', 'floor px', 'chance px', 'bg', 'chance bg', 'ratio')})
    return rows


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--scale', choices=SCALES, default='paper'); p.add_argument('--steps', type=int, default=2000)
    p.add_argument('--device', help='default: the best available'); p.add_argument('--out', default='runs/gpu_check')
    p.add_argument('--guides', type=int, default=64); p.add_argument('--per-guide', type=int, default=4)
    a = p.parse_args(argv)
    rows = check(a.scale, a.steps, a.device, a.out, a.guides, a.per_guide)
    keys = list(rows[0])
    print(' | '.join(keys)); print(' | '.join('---' for _ in keys))
    for r in rows: print(' | '.join(f'{v:.4g}' if isinstance(v, float) else str(v) for v in r.values()))
    print(json.dumps(rows))
    return 0


if __name__ == '__main__': sys.exit(main())
