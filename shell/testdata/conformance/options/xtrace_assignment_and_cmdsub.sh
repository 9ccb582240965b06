set -x
y=$(echo sub)
echo $y
