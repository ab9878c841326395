#!/usr/bin/env python3
"""Cross-check of the numeric transmon simulator against QuTiP's mesolve.

Solves the same single-qubit model (3-level transmon, T1/T2, thermal idle state, drive-frame
Hamiltonian H = sum_k [k*2pi(f01 - f_d) + 2pi*alpha*k(k-1)/2] |k><k| + (Omega/2)(eps a^dag + eps* a))
for a handful of programs with QuTiP and with the C# simulator (both of its engines, through
`dotnet run -- reference`), then reports wall time and the largest population difference.

QuTiP comes from Debian's python3-qutip. When the running interpreter cannot import it, the script
re-runs itself under Debian's /usr/bin/python3, first installing python3-qutip with apt-get if that
interpreter lacks it too (as root, or through passwordless sudo). When neither works it prints why
and exits 0, so a machine without QuTiP skips the cross-check cleanly.
Usage: python3 benchmarks/qutip_compare.py
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import time

DEBIAN_PYTHON = "/usr/bin/python3"
RETRIED = "LEEQ_QUTIP_COMPARE_RETRIED"


def debian_python_has_qutip():
    if not os.access(DEBIAN_PYTHON, os.X_OK):
        return False
    probe = subprocess.run([DEBIAN_PYTHON, "-c", "import numpy, qutip"], capture_output=True)
    return probe.returncode == 0


def install_qutip():
    """apt-get install python3-qutip; returns a reason when it cannot, else None."""
    apt = "/usr/bin/apt-get"
    if not os.access(apt, os.X_OK):
        return "apt-get is not available"
    prefix = []
    if os.geteuid() != 0:
        if subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode != 0:
            return "installing python3-qutip needs root (or passwordless sudo)"
        prefix = ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("installing Debian's python3-qutip (apt-get) ...", flush=True)
    for command in (["update"], ["install", "-y", "--no-install-recommends", "python3-qutip", "python3-numpy"]):
        result = subprocess.run(prefix + [apt, "-q"] + command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
            return f"apt-get {command[0]} failed: {tail[0]}"
    return None


try:
    import numpy as np
    import qutip
except ImportError as error:  # depends on the machine
    reason = None if debian_python_has_qutip() else install_qutip()
    if reason is None and not os.environ.get(RETRIED) and debian_python_has_qutip():
        os.execve(DEBIAN_PYTHON, [DEBIAN_PYTHON, os.path.abspath(__file__)] + sys.argv[1:], dict(os.environ, **{RETRIED: "1"}))
    print(f"skipped: the QuTiP cross-check needs numpy and qutip ({error}; {reason or 'still not importable'})")
    sys.exit(0)

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "Simulation.Benchmarks")

QUBIT = {  # MHz, us: the documented default device, qubit 0
    "f01": 5000.0, "anharmonicity": -300.0, "t1": 50.0, "t2": 40.0,
    "rabi_rate": 50.0, "thermal_population": 0.01, "levels": 3,
}


def envelope(shape, width, sigmas=2.0, alpha=math.inf):
    """PulseEnvelope.Sample: returns s(t) = I + iQ, Q = -(dI/dt)/(2 pi alpha) for DRAG shapes."""
    def in_phase(t):
        if shape == "square":
            return 1.0, 0.0
        if shape in ("gaussian", "drag"):
            sigma = width / (2 * sigmas)
            x = t - width / 2
            g = math.exp(-x * x / (2 * sigma * sigma))
            edge = math.exp(-sigmas * sigmas / 2)
            return (g - edge) / (1 - edge), -x / (sigma * sigma) * g / (1 - edge)
        if shape in ("blackman", "blackman_drag"):
            w = 2 * math.pi / width
            return (0.42 - 0.5 * math.cos(w * t) + 0.08 * math.cos(2 * w * t),
                    0.5 * w * math.sin(w * t) - 0.16 * w * math.sin(2 * w * t))
        raise ValueError(shape)

    drag = shape in ("drag", "blackman_drag") and math.isfinite(alpha) and alpha != 0

    def sample(t):
        t = min(max(t, 0.0), width)
        value, derivative = in_phase(t)
        return complex(value, -derivative / (2 * math.pi * alpha) if drag else 0.0)

    return sample


def area(shape, width):
    s = envelope(shape, width)
    n = 4000
    return sum(s((k + 0.5) * width / n).real for k in range(n)) * width / n


def programs():
    f01 = QUBIT["f01"]
    cases = {}
    cases["rabi_square_detuned"] = [
        [{"op": "pulse", "shape": "square", "width": 0.015 * i, "amp": 0.3, "phase": 0.0, "carrier": f01 - 3.0}]
        for i in range(1, 21)]
    pi_amp = 0.5 / (QUBIT["rabi_rate"] * area("drag", 0.04))
    cases["drag_pi_then_delay"] = [
        [{"op": "pulse", "shape": "drag", "width": 0.04, "amp": pi_amp, "phase": 0.0, "carrier": f01, "alpha": -600.0},
         {"op": "delay", "t": 2.0 * i}] for i in range(0, 11)]
    half_amp = 0.25 / (QUBIT["rabi_rate"] * area("gaussian", 0.02))
    pulse = {"op": "pulse", "shape": "gaussian", "width": 0.02, "amp": half_amp, "phase": 0.0, "carrier": f01 + 1.5}
    cases["ramsey_gaussian"] = [[pulse, {"op": "delay", "t": 0.1 * i}, pulse] for i in range(0, 21)]
    cases["blackman_drag_amplitude"] = [
        [{"op": "pulse", "shape": "blackman_drag", "width": 0.03, "amp": 0.1 * i, "phase": 0.3, "carrier": f01, "alpha": -600.0}]
        for i in range(0, 11)]
    return cases


def qutip_populations(program):
    d = QUBIT["levels"]
    a = qutip.destroy(d)
    n = a.dag() * a
    gamma_phi = max(0.0, 1 / QUBIT["t2"] - 1 / (2 * QUBIT["t1"]))
    c_ops = [math.sqrt(1 / QUBIT["t1"]) * a, math.sqrt(2 * gamma_phi) * n]
    p = QUBIT["thermal_population"]
    rho = qutip.Qobj(np.diag([1 - p, p] + [0.0] * (d - 2)))
    carriers = {step["carrier"] for step in program if step["op"] == "pulse"}
    carrier = carriers.pop() if carriers else QUBIT["f01"]
    assert not carriers, "one carrier per program"
    energies = [k * 2 * math.pi * (QUBIT["f01"] - carrier) + 2 * math.pi * QUBIT["anharmonicity"] * k * (k - 1) / 2
                for k in range(d)]
    h0 = qutip.Qobj(np.diag(energies))
    options = qutip.Options(atol=1e-12, rtol=1e-10, nsteps=10 ** 7)
    for step in program:
        if step["op"] == "delay":
            if step["t"] > 0:
                rho = qutip.mesolve(h0, rho, [0.0, step["t"]], c_ops, [], options=options).states[-1]
            continue
        width = step["width"]
        s = envelope(step["shape"], width, step.get("sigmas", 2.0), step.get("alpha", math.inf))
        half_omega = math.pi * QUBIT["rabi_rate"] * step["amp"]
        rotation = complex(math.cos(step["phase"]), math.sin(step["phase"]))
        hx = half_omega * (a.dag() + a)
        hy = half_omega * 1j * (a.dag() - a)
        h = [h0, [hx, lambda t, args: (s(t) * rotation).real], [hy, lambda t, args: (s(t) * rotation).imag]]
        opts = qutip.Options(atol=1e-12, rtol=1e-10, nsteps=10 ** 7, max_step=width / 400)
        rho = qutip.mesolve(h, rho, [0.0, width], c_ops, [], options=opts).states[-1]
    return [float(np.real(rho[k, k])) for k in range(d)]


def simulator_populations(all_programs, engine):
    spec = {"qubit": QUBIT, "engine": engine, "programs": all_programs}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(spec, handle)
        path = handle.name
    try:
        out = subprocess.run(
            ["dotnet", "run", "-c", "Release", "--project", PROJECT, "--", "reference", path],
            check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return json.loads(out.strip().splitlines()[-1])


def main():
    cases = programs()
    flat = [program for case in cases.values() for program in case]
    started = time.perf_counter()
    reference = [qutip_populations(program) for program in flat]
    qutip_seconds = time.perf_counter() - started
    print(f"QuTiP {qutip.__version__} mesolve: {len(flat)} programs in {qutip_seconds:.2f} s")
    for engine in ("numpy", "qutip"):
        ours = simulator_populations(flat, engine)
        worst = 0.0
        index = 0
        for name, case in cases.items():
            case_worst = max(abs(x - y) for program in range(len(case))
                             for x, y in zip(ours["populations"][index + program], reference[index + program]))
            index += len(case)
            worst = max(worst, case_worst)
            print(f"  engine {engine:5s} {name:26s} largest population difference {case_worst:.2e}")
        print(f"engine {engine}: {len(flat)} programs in {ours['seconds'] * 1000:.1f} ms (in-process solve time), "
              f"largest population difference {worst:.2e}")


if __name__ == "__main__":
    main()
