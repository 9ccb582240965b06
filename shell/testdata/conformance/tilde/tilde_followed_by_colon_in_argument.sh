HOME=/h
echo ~:x
