set -x
case $- in *x*) echo x-on >&2;; esac
set +x
case $- in *x*) echo still;; *) echo x-off;; esac
