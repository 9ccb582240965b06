# zinebox: `make vm` builds, packs and boots the teaching VM; `make test` runs
# every test. Both install what they need on a fresh Debian machine.

GO      ?= go
BIN     := bin/zinebox
export CGO_ENABLED := 0

.PHONY: all build test bench vm clean deps fmt-check

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmds/zinebox

# deps installs the reference tools the tests compare against (dash, GNU
# tools, busybox, mandoc, strace, qemu) and fetches Debian's kernel.
deps:
	./tests/install-deps.sh

fmt-check:
	@bad="$$(gofmt -l cmds pkg shell initramfs tests 2>/dev/null)"; \
	if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi

test: deps vmdeps build fmt-check
	$(GO) vet ./...
	$(GO) test -timeout 30m ./...

bench: build
	./tests/bench.sh

# The teaching VM. `make vm` installs QEMU if needed, fetches Debian's
# kernel into build/kernel/, packs a stripped zinebox into
# build/vm/zinebox.cpio and boots it on this terminal.
#   make vm ADD="/usr/bin/strace /bin/bash"   host programs (with their libraries)
#   make vm APPEND="zinebox.user=learner"     extra kernel command-line arguments
#   make vm KVM=1                             use /dev/kvm (when it really works)
#   make vm NET=1                             a network card (see NET_MODULES)
VM_DIR  := build/vm
VM_BIN  := $(VM_DIR)/zinebox
# The image is not compressed: under TCG the kernel's gunzip of a 3 MB
# image costs about a second of the boot, loading 9 MB through QEMU's
# fw_cfg almost nothing (`zinebox initramfs` gzips by default).
VM_IMG  := $(VM_DIR)/zinebox.cpio
ADD     ?= $(wildcard /usr/bin/strace)
APPEND  ?=
# Under make, the VM tests (tests/vm) fail instead of skipping when QEMU or
# the kernel is missing: `make test` has installed them (vmdeps).
export ZINEBOX_VM_REQUIRED := 1

.PHONY: qemu kernel image vmdeps
qemu:
	@./initramfs/install-qemu.sh
kernel:
	@./initramfs/fetch-kernel.sh >/dev/null
vmdeps: qemu kernel

# The image's binary is stripped (-s -w): it is packed into the initramfs,
# and smaller means a smaller image and a faster boot.
image:
	@mkdir -p $(VM_DIR)
	$(GO) build -trimpath -ldflags="-s -w" -o $(VM_BIN) ./cmds/zinebox
	@rm -rf $(VM_DIR)/net
ifeq ($(NET),1)
	@mkdir -p $(VM_DIR)/net/lib/modules
	cp "$$(./initramfs/fetch-kernel.sh)"/modules/*.ko $(VM_DIR)/net/lib/modules/
endif
	$(VM_BIN) initramfs --compress=none -o $(VM_IMG) $(addprefix --add ,$(ADD)) \
		$(if $(filter 1,$(NET)),--overlay $(VM_DIR)/net)

# make vm NET=1: a virtio network card on QEMU's user network (the host is
# 10.0.2.2). The kernel has its driver as modules: init loads them in
# dependency order with finit_module(2) and gives eth0 10.0.2.15/24.
NET_MODULES := failover,net_failover,virtio_ring,virtio,virtio_pci_legacy_dev,virtio_pci_modern_dev,virtio_pci,virtio_net
NET_APPEND  := $(if $(filter 1,$(NET)),zinebox.modules=$(NET_MODULES) zinebox.ip=10.0.2.15/24)

vm: vmdeps image
	@ZINEBOX_KVM=$(KVM) ZINEBOX_NET=$(NET) ./initramfs/run-vm.sh $(VM_IMG) $(NET_APPEND) $(APPEND)

clean:
	rm -rf bin build
