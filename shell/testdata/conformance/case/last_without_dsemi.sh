case z in
  a) echo a;;
  z) echo z
esac
