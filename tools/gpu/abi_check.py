# Which of libLibTorchSharp.so's undefined symbols does this machine's PyTorch (plus libc/libstdc++) not define?
import ctypes, os, sys
lib_dir, wanted = sys.argv[1], sys.argv[2]
for name in ["libc10.so", "libtorch_cpu.so", "libtorch.so", "libc10_cuda.so", "libtorch_cuda.so"]:
    path = os.path.join(lib_dir, name)
    if os.path.exists(path):
        try:
            ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
            print("loaded", name)
        except OSError as e:
            print("could not load", name, e)
process = ctypes.CDLL(None)
symbols = [s.strip() for s in open(wanted) if s.strip()]
missing = []
for s in symbols:
    base = s.split("@")[0]
    try:
        getattr(process, base)
    except AttributeError:
        missing.append(base)
print(f"{len(symbols)} undefined symbols in libLibTorchSharp.so; {len(missing)} not found in this PyTorch")
for s in missing[:60]:
    print("  missing:", s)
