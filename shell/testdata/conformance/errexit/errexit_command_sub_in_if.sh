set -e
if [ "$(false; echo x)" = x ]; then echo cond-sub-ok; fi
