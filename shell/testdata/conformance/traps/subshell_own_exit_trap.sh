( trap 'echo sub exit' EXIT; echo sub body )
echo parent
