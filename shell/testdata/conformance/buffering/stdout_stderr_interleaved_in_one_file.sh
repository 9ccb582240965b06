{ echo out1; echo err1 >&2; echo out2; /bin/echo err2 >&2; echo out3; } > f 2>&1
cat f
