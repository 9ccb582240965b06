eval 'echo inner' > f
cat f
