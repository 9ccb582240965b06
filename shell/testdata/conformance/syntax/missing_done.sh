while true; do
  break
