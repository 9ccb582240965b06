case $- in *e*) echo e-set;; *) echo e-unset;; esac
set -e
case $- in *e*) echo e-set;; *) echo e-unset;; esac
set +e
set -u
case $- in *u*) echo u-set;; esac
set -f
case $- in *f*) echo f-set;; esac
