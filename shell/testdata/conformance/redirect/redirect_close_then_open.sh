exec 3>a
exec 3>b
echo to-b >&3
exec 3>&-
echo "[$(cat a)] [$(cat b)]"
