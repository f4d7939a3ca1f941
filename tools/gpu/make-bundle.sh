#!/bin/bash
# Builds .gpu/ (git-ignored via .git/info/exclude) for tools/gpu/run-on-device.sh: the .NET runtime, ganest and the
# FashionGan sample published framework-dependent WITHOUT the CPU libtorch they ship with (the device's PyTorch
# provides libtorch, CUDA included, through LD_LIBRARY_PATH), and the full Fashion-MNIST set recompressed with xz so
# everything fits the device tool's 64 MiB transfer limit. Run from the repository root; takes about 3 minutes.
set -euo pipefail
root=$(pwd); work=$(mktemp -d); dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(ls -d "$dotnet_root"/shared/Microsoft.NETCore.App/10.* | sort -V | tail -1)
mkdir -p "$work/bundle/dotnet/shared/Microsoft.NETCore.App" .gpu
cp -r "$dotnet_root/host" "$dotnet_root/dotnet" "$work/bundle/dotnet/"
cp -r "$runtime" "$work/bundle/dotnet/shared/Microsoft.NETCore.App/"
# Debugger, tracing and alternative-GC libraries and VB: not needed to run, and the transfer is tight.
(cd "$work/bundle/dotnet/shared/Microsoft.NETCore.App/$(basename "$runtime")" &&
  rm -f libmscordaccore.so libmscordbi.so libclrgc.so libclrgcexp.so libcoreclrtraceptprovider.so createdump Microsoft.VisualBasic*.dll)
# APPS="samples/FashionGan:fashion" leaves ganest and the benchmarks out when the transfer limit is tight (the sweep needs
# only FashionGan; profile-on-device.sh needs all three).
for app in ${APPS:-samples/FashionGan:fashion src/GanEstimators.Cli:ganest tests/GanEstimators.Benchmarks:bench}; do
  dotnet publish "${app%%:*}" -c Release -o "$work/bundle/apps/${app##*:}" -p:UseAppHost=false >/dev/null
  (cd "$work/bundle/apps/${app##*:}" && find runtimes -mindepth 1 -maxdepth 1 ! -name linux-x64 -exec rm -rf {} + &&
    find . \( -name '*.pdb' -o -name '*.xml' -o -name '*.dbg' \) -delete &&
    cd runtimes/linux-x64/native && rm -f libtorch*.so libc10.so libgomp* libshm.so libjitbackend_test.so \
      libbackend_with_compiler.so libaoti_custom_ops.so libnnapi_backend.so)
done
nm -D --undefined-only "$work/bundle/apps/fashion/runtimes/linux-x64/native/libLibTorchSharp.so" | awk '{print $2}' > "$work/bundle/torchsharp-undefined.txt"
tar -C "$work/bundle" -cf - . | xz -9e -T1 > .gpu/bundle.tar.xz
fashion=${FASHION_MNIST:-$root/../shared/data/images/fashion-mnist}
# FULL_TEST_SET=0 leaves the 10,000 test images out (3.8 MB): with the benchmarks app the bundle and the repository
# pass the 64 MiB limit otherwise; profile-on-device.sh then judges on the repository subset's 1,000 test images.
sets="train"; [ "${FULL_TEST_SET:-1}" = 0 ] || sets="train t10k"
for set in $sets; do zcat "$fashion/$set-images-idx3-ubyte.gz" | xz -9e -T1 > ".gpu/$set-images-idx3-ubyte.xz"; cp "$fashion/$set-labels-idx1-ubyte.gz" .gpu/; done
cp tools/gpu/device-env.sh tools/gpu/run-on-device.sh tools/gpu/check-cli-on-device.sh tools/gpu/sweep-on-device.sh tools/gpu/profile-on-device.sh tools/gpu/recipe-on-device.sh \
  tools/gpu/dcgan_step.py tools/gpu/abi_check.py .gpu/
rm -rf "$work"; du -sh .gpu
