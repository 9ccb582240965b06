outer() { inner() { echo inner; }; }
inner 2>/dev/null || echo "no inner yet"
outer
inner
