# Sourced by the device scripts (from the repository root): unpacks .gpu/bundle.tar.xz into /tmp/b and points .NET at
# the bundled runtime and TorchSharp at the device's PyTorch libtorch (CUDA included) through LD_LIBRARY_PATH.
# TORCH_LIB overrides the libtorch folder (e.g. a CPU libtorch, to try the scripts on a machine without a GPU).
mkdir -p /tmp/b && { tar -C /tmp/b -xJf .gpu/bundle.tar.xz ||
  python3 -c "import tarfile; tarfile.open('.gpu/bundle.tar.xz').extractall('/tmp/b')"; }
export DOTNET_ROOT=/tmp/b/dotnet PATH=/tmp/b/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
TORCH_LIB=${TORCH_LIB:-$(python3 -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')}
export LD_LIBRARY_PATH=$TORCH_LIB
