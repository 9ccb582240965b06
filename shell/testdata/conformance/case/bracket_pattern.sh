for c in a 5 Z -; do
  case $c in [a-z]) echo lower;; [0-9]) echo digit;; [[:upper:]]) echo upper;; [!a-z0-9]) echo other;; esac
done
