set -e
case x in x) false && true;; esac
echo "after case $?"
