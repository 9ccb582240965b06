x=017
echo $((x))
