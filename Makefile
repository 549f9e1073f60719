# Convenience wrapper: ./dev does the work (a fresh Debian may not have make).
.PHONY: run test bench lint fmt bundle setup lupdate
run test bench lint fmt bundle setup lupdate:
	./dev $@
