set -eu
case $- in *e*u*|*u*e*) echo both;; esac
set +eu
case $- in *[eu]*) echo still;; *) echo none;; esac
