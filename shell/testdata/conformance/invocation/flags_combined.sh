# flags: -eu
case $- in *e*) echo e;; esac
case $- in *u*) echo u;; esac
