my_basename() { p=${1%/}; echo "${p##*/}"; }
my_dirname() {
  case $1 in
    */*) d=${1%/*}; echo "${d:-/}";;
    *) echo .;;
  esac
}
for p in /usr/bin/env a/b/ file /root; do
  echo "$(my_basename "$p") | $(my_dirname "$p")"
done
