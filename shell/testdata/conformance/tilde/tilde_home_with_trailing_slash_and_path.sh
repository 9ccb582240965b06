HOME=/h/
echo ~/x
