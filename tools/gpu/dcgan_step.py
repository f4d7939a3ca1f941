#!/usr/bin/env python3
"""Issue 19, way (c): FashionGan's default conditional DCGAN step in plain PyTorch eager, to set beside the trainer and
the hand-written TorchSharp loop (tests/GanEstimators.Benchmarks --gpu-profile) on the same GPU.

The same networks as the library's (base 32): generator noise 64 + a 50-wide linear embedding of the one-hot label ->
linear to 64x7x7, batch norm, ReLU, ConvTranspose 64->32->16 (4x4, stride 2, batch norm, ReLU), 3x3 conv to 1 channel,
tanh; discriminator SN-conv 1->32->64 (4x4, stride 2, LeakyReLU 0.2), SN-linear score plus the projection of the
label (SN-linear 10->3136, no bias), spectral norm as the library's (one power iteration per forward, u and v cloned
for the graph). Hinge loss, Adam(2e-4, betas (0.5, 0.9)), one D step per G step, rows drawn with replacement on the
device. The images are random values in [-1, 1] (a step's time does not depend on them).

Prints ms/step per batch size (median of --reps timed runs of --steps steps, synchronised at both ends) for PyTorch's
default Adam (foreach, several parameters per kernel) and per-parameter Adam (foreach=False, as TorchSharp's Adam
steps), then a torch.profiler summary at --profile-batch: kernels per step and GPU-busy ms per step against wall ms per
step (a step whose GPU is busy for a fraction of its wall time is bound by the host: launches, not arithmetic).
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Spectral(nn.Module):
    def __init__(self, layer):
        super().__init__()
        self.layer = layer
        w = layer.weight
        self.register_buffer("u", F.normalize(torch.randn(w.shape[0]), dim=0))
        self.register_buffer("v", F.normalize(torch.randn(w.numel() // w.shape[0]), dim=0))

    def forward(self, x):
        w = self.layer.weight
        matrix = w.reshape(w.shape[0], -1)
        with torch.no_grad():
            self.u.copy_(F.normalize(matrix.mv(self.v), dim=0))
            self.v.copy_(F.normalize(matrix.t().mv(self.u), dim=0))
        weight = w / self.u.clone().dot(matrix.mv(self.v.clone()))
        if isinstance(self.layer, nn.Linear):
            return F.linear(x, weight, self.layer.bias)
        return F.conv2d(x, weight, self.layer.bias, self.layer.stride, self.layer.padding)


class Generator(nn.Module):
    def __init__(self, noise=64, classes=10, base=32):
        super().__init__()
        wide, middle, narrow = 2 * base, base, base // 2
        self.wide = wide
        self.embed = nn.Linear(classes, 50)
        self.linear = nn.Linear(noise + 50, wide * 49)
        self.norm = nn.BatchNorm1d(wide * 49)
        self.upsample = nn.Sequential(
            nn.ConvTranspose2d(wide, middle, 4, 2, 1), nn.BatchNorm2d(middle), nn.ReLU(),
            nn.ConvTranspose2d(middle, narrow, 4, 2, 1), nn.BatchNorm2d(narrow), nn.ReLU(),
            nn.Conv2d(narrow, 1, 3, padding=1))

    def forward(self, noise, condition):
        x = F.relu(self.norm(self.linear(torch.cat([noise, self.embed(condition)], 1))))
        return self.upsample(x.view(-1, self.wide, 7, 7)).flatten(1).tanh()


class Discriminator(nn.Module):
    def __init__(self, classes=10, base=32):
        super().__init__()
        self.conv0 = Spectral(nn.Conv2d(1, base, 4, 2, 1))
        self.conv1 = Spectral(nn.Conv2d(base, 2 * base, 4, 2, 1))
        self.output = Spectral(nn.Linear(2 * base * 49, 1))
        self.projection = Spectral(nn.Linear(classes, 2 * base * 49, bias=False))

    def forward(self, images, condition):
        h = F.leaky_relu(self.conv1(F.leaky_relu(self.conv0(images.view(-1, 1, 28, 28)), 0.2)), 0.2).flatten(1)
        return self.output(h) + (self.projection(condition) * h).sum(1, keepdim=True)


class Loop:
    def __init__(self, device, batch, base, foreach, rows=60_000):
        torch.manual_seed(1)
        self.device, self.batch = device, batch
        self.images = torch.rand(rows, 784, device=device) * 2 - 1
        self.labels = F.one_hot(torch.randint(10, (rows,), device=device), 10).float()
        self.g = Generator(base=base).to(device)
        self.d = Discriminator(base=base).to(device)
        self.g_opt = torch.optim.Adam(self.g.parameters(), 2e-4, betas=(0.5, 0.9), foreach=foreach)
        self.d_opt = torch.optim.Adam(self.d.parameters(), 2e-4, betas=(0.5, 0.9), foreach=foreach)

    def draw(self):
        index = torch.randint(self.images.shape[0], (self.batch,), device=self.device)
        return self.images[index], self.labels[index], torch.randn(self.batch, 64, device=self.device)

    def step(self):
        real, condition, noise = self.draw()
        _, g_condition, g_noise = self.draw()
        with torch.no_grad():
            fake = self.g(noise, condition)
        d_loss = F.relu(1 - self.d(real, condition)).mean() + F.relu(1 + self.d(fake, condition)).mean()
        self.d_opt.zero_grad()
        d_loss.backward()
        self.d_opt.step()
        g_loss = -self.d(self.g(g_noise, g_condition), g_condition).mean()
        self.g_opt.zero_grad()
        g_loss.backward()
        self.g_opt.step()

    def synchronize(self):
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)

    def ms_per_step(self, steps, warmup):
        for _ in range(warmup):
            self.step()
        self.synchronize()
        start = time.perf_counter()
        for _ in range(steps):
            self.step()
        self.synchronize()
        return (time.perf_counter() - start) * 1000 / steps


def profile(loop, steps):
    from torch.profiler import profile as torch_profile, ProfilerActivity
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if loop.device.type == "cuda" else [])
    for _ in range(10):
        loop.step()
    loop.synchronize()
    start = time.perf_counter()
    with torch_profile(activities=activities) as prof:
        for _ in range(steps):
            loop.step()
        loop.synchronize()
    wall = (time.perf_counter() - start) * 1000 / steps
    events = prof.key_averages()
    kernels = sum(e.count for e in events if getattr(e, "device_type", None) is not None and str(e.device_type).endswith("CUDA")) / steps
    busy = sum(getattr(e, "self_device_time_total", getattr(e, "self_cuda_time_total", 0)) for e in events) / 1000 / steps
    sort = "self_cuda_time_total" if loop.device.type == "cuda" else "self_cpu_time_total"
    table = events.table(sort_by=sort, row_limit=18, max_name_column_width=60)
    return wall, kernels, busy, table


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--batches", default="64,128,512")
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--base-channels", type=int, default=32)
    parser.add_argument("--profile-batch", type=int, default=128)
    parser.add_argument("--profile-steps", type=int, default=20)
    parser.add_argument("--out", help="write the figures as JSON here")
    args = parser.parse_args()
    device = torch.device(args.device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "CPU"
    print(f"PyTorch {torch.__version__} (CUDA {torch.version.cuda}) on {name}, {torch.get_num_threads()} CPU threads", flush=True)
    results = {"torch": torch.__version__, "device": name, "ms_per_step": []}
    rows = []
    for batch in [int(b) for b in args.batches.split(",")]:
        for foreach, label in ((None, "PyTorch eager, default Adam (foreach)"), (False, "PyTorch eager, per-parameter Adam")):
            loop = Loop(device, batch, args.base_channels, foreach)
            runs = [loop.ms_per_step(args.steps, args.warmup) for _ in range(args.reps)]
            rows.append((batch, label, statistics.median(runs), min(runs)))
            results["ms_per_step"].append({"batch": batch, "variant": label, "median": statistics.median(runs), "min": min(runs)})
            print(f"  batch {batch}: {label}: {statistics.median(runs):.3f} ms/step (min {min(runs):.3f})", flush=True)
            del loop
    print("\n| batch | variant | ms/step: median (min) |\n|---:|---|---:|")
    for batch, label, median, low in rows:
        print(f"| {batch} | {label} | {median:.2f} ({low:.2f}) |")
    try:
        wall, kernels, busy, table = profile(Loop(device, args.profile_batch, args.base_channels, None), args.profile_steps)
        results["profile"] = {"batch": args.profile_batch, "wall_ms_per_step": wall, "kernels_per_step": kernels, "device_busy_ms_per_step": busy}
        print(f"\ntorch.profiler, batch {args.profile_batch}, {args.profile_steps} steps: {wall:.3f} ms/step wall (profiled), "
              f"{kernels:.0f} kernels/step, device busy {busy:.3f} ms/step ({100 * busy / wall:.0f} % of the wall time)")
        print(table)
    except Exception as error:  # the timings above stand without the profile
        print(f"torch.profiler failed: {error!r}", file=sys.stderr)
    if args.out:
        with open(args.out, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
