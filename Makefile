# The two commands in README.md.
.PHONY: run test
run:
	@./scripts/setup.sh && .venv/bin/bot run

test:
	./scripts/test.sh
