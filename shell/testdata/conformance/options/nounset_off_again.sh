set -u
set +u
echo "[$undefined_zz]"
