f() { if [ $1 -gt 0 ]; then f $(( $1 - 1 )); else echo bottom; fi; }
f 500
