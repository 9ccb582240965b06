HOME=/h
echo ~"/x" ~'/y'
