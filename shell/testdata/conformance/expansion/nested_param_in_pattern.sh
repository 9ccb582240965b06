x=prefix_rest
p=prefix
echo "${x#${p}_}"
