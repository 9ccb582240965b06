HOME=/home/me
echo "~" '~' \~ "~/x"
