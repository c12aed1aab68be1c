pub fn render(_r: &super::CheckReport) -> String {
    String::new()
}
