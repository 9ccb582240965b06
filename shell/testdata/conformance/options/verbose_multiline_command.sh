set -v
if true; then
  echo inside
fi
