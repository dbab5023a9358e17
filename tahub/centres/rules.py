import rules

rules.add_perm("centres.view_regionalcentre", rules.always_allow)
