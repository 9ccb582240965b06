HOME=/h/
echo ~ ~/
