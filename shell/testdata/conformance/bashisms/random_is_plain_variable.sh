# expect: RANDOM, SECONDS, BASH_VERSION are ordinary (unset) variables in dash
echo "[${RANDOM-unset}][${SECONDS-unset}][${BASH_VERSION-unset}]"
