set -e
f() { false; echo "f continues"; }
f || echo "f failed"
echo end
